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
}
