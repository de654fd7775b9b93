package org.opencac.core.rank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opencac.core.model.Context;
import org.opencac.core.pipeline.AnalyzedNote;
import org.opencac.core.pipeline.Layer;
import org.opencac.dictionaries.CodeSystem;
import org.opencac.dictionaries.TermSources;
import org.opencac.nlp.classify.CodeScore;
import org.opencac.nlp.text.TextSpan;

class CandidateFeaturesTest {

    private static Map<String, Double> featuresOf(List<RankCandidate> candidates, double[][] rows, String code) {
        for (int i = 0; i < candidates.size(); i++) {
            if (candidates.get(i).code().equals(code)) {
                return CandidateFeatures.named(rows[i]);
            }
        }
        throw new AssertionError("no candidate " + code);
    }

    @Test
    void oneCandidatePerCodePlusClassifierTopK() {
        AnalyzedNote note = RankFixtures.note();
        List<CodeScore> scores = List.of(
                new CodeScore(CodeScore.ICD10CM, "I10", 0.7, List.of(new TextSpan(0, 28))),
                new CodeScore(CodeScore.ICD10CM, "N18.9", 0.6, List.of()),
                new CodeScore(CodeScore.ICD10CM, "E11.9", 0.1, List.of()));
        List<RankCandidate> candidates = CandidateFeatures.candidates(note, scores, 2);
        assertEquals(List.of("N18.9", "N28.9", "R50.9", "BT41", "I10"),
                candidates.stream().map(RankCandidate::code).toList());
        RankCandidate i10 = candidates.get(4);
        assertTrue(i10.mentions().isEmpty());
        assertEquals(0, i10.classifierRank());
        assertEquals(1, candidates.get(0).classifierRank());
        assertEquals(-1, candidates.get(1).classifierRank());
    }

    @Test
    void featuresOfHandMadeNote() {
        AnalyzedNote note = RankFixtures.note();
        List<CodeScore> scores = List.of(new CodeScore(CodeScore.ICD10CM, "I10", 0.7, List.of()),
                new CodeScore(CodeScore.ICD10CM, "N18.9", 0.6, List.of()));
        List<RankCandidate> candidates = CandidateFeatures.candidates(note, scores, 1);
        double[][] rows = CandidateFeatures.vectors(note, candidates, RankFixtures.statistics());
        assertEquals(CandidateFeatures.NAMES.size(), rows[0].length);

        Map<String, Double> ckd = featuresOf(candidates, rows, "N18.9");
        assertEquals(1.0, ckd.get("has_mention"));
        assertEquals(1.0, ckd.get("contains_shorter"));
        assertEquals(0.0, ckd.get("nested_share"));
        assertEquals(3.0 / 5.0, ckd.get("tp_best"), 1e-9); // coded 3 of 4 seen, shrunk: 3 / (4 + 1)
        assertEquals(0.0, ckd.get("neg_share"));
        assertEquals(1.0, ckd.get("present_any"));
        assertEquals(0.0, ckd.get("first_pos"));
        assertEquals(0.6, ckd.get("clf_score"), 1e-9);
        assertEquals(0.5, ckd.get("clf_rank_inv"), 1e-9);
        assertEquals(0.0, ckd.get("same_cat_others")); // N28.9 is in another category
        assertEquals(Math.log1p(3) / Math.log1p(9), ckd.get("prior"), 1e-9);
        assertEquals(3.0 / 5.0, ckd.get("code_tp"), 1e-9); // mentioned in 4 notes, coded in 3
        assertEquals(Math.log1p(4) / 5.0, ckd.get("code_tp_support"), 1e-9);
        assertEquals(0.0, ckd.get("prior_unmentioned")); // never coded without a mention
        assertEquals(0.0, ckd.get("x_code_tp_unseen")); // its string was seen
        assertEquals(0.0, ckd.get("stem_only"));

        Map<String, Double> renal = featuresOf(candidates, rows, "N28.9");
        assertEquals(1.0, renal.get("nested_share"));
        assertEquals(1.0, renal.get("all_nested"));
        assertEquals(1.0 / 10.0, renal.get("tp_best"), 1e-9);
        assertEquals(0.5, renal.get("best_match"));

        Map<String, Double> fever = featuresOf(candidates, rows, "R50.9");
        assertEquals(1.0, fever.get("neg_share"));
        assertEquals(0.0, fever.get("present_any"));
        assertEquals(1.0, fever.get("tp_unseen"));
        assertEquals(1.0, fever.get("prior_zero"));
        assertEquals(0.0, fever.get("code_tp"));

        Map<String, Double> echo = featuresOf(candidates, rows, "BT41");
        assertEquals(1.0, echo.get("is_pcs"));
        assertEquals(1.0, echo.get("pcs_prefix4"));
        assertEquals(0.0, echo.get("pcs_full"));

        Map<String, Double> hypertension = featuresOf(candidates, rows, "I10");
        assertEquals(1.0, hypertension.get("clf_only"));
        assertEquals(0.0, hypertension.get("has_mention"));
        assertEquals(1.0, hypertension.get("cm_category_only"));
        assertEquals(CodeSystem.ICD10CM, candidates.get(candidates.size() - 1).system());
    }

    @Test
    void stemMatchesAndCodesCodedWithoutMentions() {
        AnalyzedNote note = RankFixtures.note();
        org.opencac.core.model.Mention stem = RankFixtures.mention(44, 59, CodeSystem.ICD10CM, "N28.9",
                org.opencac.dictionaries.TermSources.CODIESP_TRAIN
                        + org.opencac.core.stages.GappedTermMatcher.STEM_SUFFIX, 0.3,
                org.opencac.core.model.Context.AFFIRMED);
        note = note.withMentions(List.of(stem), org.opencac.core.pipeline.Layer.MENTIONS,
                org.opencac.core.pipeline.Layer.CONTEXT);
        TermStatistics.Builder builder = new TermStatistics.Builder();
        builder.addDocument(List.of(stem), java.util.Set.of("ICD-10-CM|N28.9")); // mentioned and coded
        builder.addDocument(List.of(), java.util.Set.of("ICD-10-CM|I10")); // coded, never mentioned
        builder.addDocument(List.of(), java.util.Set.of("ICD-10-CM|I10"));
        List<CodeScore> scores = List.of(new CodeScore(CodeScore.ICD10CM, "I10", 0.7, List.of()));
        List<RankCandidate> candidates = CandidateFeatures.candidates(note, scores, 1);
        double[][] rows = CandidateFeatures.vectors(note, candidates, builder.build());

        Map<String, Double> n28 = featuresOf(candidates, rows, "N28.9");
        assertEquals(1.0, n28.get("stem_only"));
        assertEquals(1.0, n28.get("stem_share"));
        assertEquals(0.0, n28.get("gapped_only"));
        assertEquals(1.0, n28.get("src_learned")); // the suffix does not hide the source
        Map<String, Double> i10 = featuresOf(candidates, rows, "I10");
        assertEquals(Math.log1p(2) / Math.log1p(3), i10.get("prior_unmentioned"), 1e-9);
        assertEquals(0.7 * Math.log1p(2) / Math.log1p(3), i10.get("x_prior_unmentioned_clf"), 1e-9);
        assertEquals(0.0, i10.get("code_tp"));
    }

    @Test
    void translatedTermMentionSetsItsOwnSourceFeature() {
        AnalyzedNote base = RankFixtures.note();
        List<org.opencac.core.model.Mention> mentions = List.of(
                RankFixtures.mention(0, 27, CodeSystem.ICD10CM, "N18.9", TermSources.CODIESP_TRAIN, 1.0,
                        Context.AFFIRMED),
                RankFixtures.mention(0, 27, CodeSystem.ICD10CM, "N18.30", TermSources.ICD10_ES_TRANSLATED, 0.5,
                        Context.AFFIRMED));
        AnalyzedNote note = base.withMentions(mentions, Layer.MENTIONS, Layer.CONTEXT);
        List<RankCandidate> candidates = CandidateFeatures.candidates(note, List.of(), 0);
        double[][] rows = CandidateFeatures.vectors(note, candidates, RankFixtures.statistics());

        Map<String, Double> translated = featuresOf(candidates, rows, "N18.30");
        assertEquals(1.0, translated.get("src_translated"));
        assertEquals(0.0, translated.get("src_learned"));
        Map<String, Double> learned = featuresOf(candidates, rows, "N18.9");
        assertEquals(0.0, learned.get("src_translated"));
        assertEquals(1.0, learned.get("src_learned"));
        assertEquals("translated", CandidateFeatures.sourceGroup(TermSources.ICD10_ES_TRANSLATED));
    }

    @Test
    void siblingsOfACategoryCompeteOnTheirBestTermPrecision() {
        List<RankCandidate> candidates = List.of(
                new RankCandidate(CodeSystem.ICD10PCS, "BW24", List.of(), -1, -1, List.of()),
                new RankCandidate(CodeSystem.ICD10PCS, "BW25ZZZ", List.of(), -1, -1, List.of()),
                new RankCandidate(CodeSystem.ICD10PCS, "BW2", List.of(), -1, -1, List.of()),
                new RankCandidate(CodeSystem.ICD10CM, "N18.9", List.of(), -1, -1, List.of()),
                // Same three characters in another system: not a sibling.
                new RankCandidate(CodeSystem.ICD10CM, "BW2.1", List.of(), -1, -1, List.of()));
        double[] tpBest = {0.6, 0.2, 0.6, 0.1, 0.9};
        int tpColumn = CandidateFeatures.NAMES.indexOf("tp_best");
        double[][] rows = new double[candidates.size()][CandidateFeatures.NAMES.size()];
        for (int i = 0; i < rows.length; i++) {
            rows[i][tpColumn] = tpBest[i];
        }
        CandidateFeatures.addCategoryCompetition(candidates, rows);

        Map<String, Double> tiedLeader = featuresOf(candidates, rows, "BW24");
        assertEquals(1.0, tiedLeader.get("cat_tp_lead"));
        assertEquals(0.0, tiedLeader.get("cat_tp_gap"));
        assertEquals(1.0, featuresOf(candidates, rows, "BW2").get("cat_tp_lead"), "a tie for the best leads too");
        Map<String, Double> behind = featuresOf(candidates, rows, "BW25ZZZ");
        assertEquals(0.0, behind.get("cat_tp_lead"));
        assertEquals(0.4, behind.get("cat_tp_gap"), 1e-12);
        Map<String, Double> alone = featuresOf(candidates, rows, "N18.9");
        assertEquals(1.0, alone.get("cat_tp_lead"));
        assertEquals(0.0, alone.get("cat_tp_gap"));
        assertEquals(1.0, featuresOf(candidates, rows, "BW2.1").get("cat_tp_lead"));
    }
}
