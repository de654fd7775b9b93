package org.opencac.core.rank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.opencac.core.model.CodeSuggestion;
import org.opencac.core.model.Evidence;
import org.opencac.core.pipeline.AnalyzedNote;
import org.opencac.core.pipeline.Layer;
import org.opencac.dictionaries.Dictionaries;

class RankerStageTest {

    /** A model trained so that term precision ("tp_best") drives the score, with an identity calibration. */
    private static Ranker tinyRanker() {
        List<String> names = CandidateFeatures.NAMES;
        int tp = names.indexOf("tp_best");
        int neg = names.indexOf("neg_share");
        Random random = new Random(2);
        double[][] rows = new double[400][names.size()];
        boolean[] labels = new boolean[rows.length];
        for (int i = 0; i < rows.length; i++) {
            rows[i][names.indexOf("const")] = 1;
            rows[i][tp] = random.nextDouble();
            rows[i][neg] = random.nextDouble() < 0.3 ? 1 : 0;
            labels[i] = random.nextDouble() < rows[i][tp] * (1 - 0.8 * rows[i][neg]);
        }
        RankerTrainer.TrainedRanker trained = new RankerTrainer(RankerTrainer.Settings.defaults())
                .train(rows, labels, names);
        RankerCard card = new RankerCard(RankerCard.FORMAT, "test", "es", trained.columns(), trained.weights(),
                trained.bias(), Calibration.identity(), Map.of(), 0, Map.of(), Map.of());
        return new Ranker(RankerModel.fromBytes(trained.onnx(), names), card, RankFixtures.statistics(), null);
    }

    @Test
    void ordersByScoreAndKeepsEvidenceExact() {
        Ranker ranker = tinyRanker();
        RankerStage stage = new RankerStage(ranker, Dictionaries.builder().build(), null);
        AnalyzedNote note = RankFixtures.note();
        AnalyzedNote ranked = stage.apply(note);
        assertTrue(ranked.has(Layer.SUGGESTIONS) && ranked.has(Layer.RANKED));
        List<CodeSuggestion> suggestions = ranked.suggestions();
        assertEquals(4, suggestions.size());
        for (int i = 1; i < suggestions.size(); i++) {
            assertTrue(suggestions.get(i - 1).confidence() >= suggestions.get(i).confidence());
        }
        // N18.9: the only candidate with a well-attested term; its evidence is exactly the matched span.
        CodeSuggestion top = suggestions.get(0);
        assertEquals("N18.9", top.code());
        assertEquals(List.of(new Evidence(0, 27, "Insuficiencia renal cronica")), top.evidence());
        assertEquals(RankerStage.NAME, top.stage());
        assertTrue(top.rationale().contains("tp_best"), top.rationale());
        for (CodeSuggestion suggestion : suggestions) {
            for (Evidence piece : suggestion.evidence()) {
                assertEquals(note.text().substring(piece.start(), piece.end()), piece.text());
            }
        }
        // Same scores as scoring the features directly, in one batch.
        List<RankCandidate> candidates = ranker.candidates(note);
        double[] direct = ranker.confidences(CandidateFeatures.vectors(note, candidates, ranker.statistics()));
        List<Double> sorted = new ArrayList<>();
        for (double value : direct) {
            sorted.add(value);
        }
        sorted.sort((a, b) -> Double.compare(b, a));
        assertEquals(sorted, suggestions.stream().map(CodeSuggestion::confidence).toList());
    }

    @Test
    void evidenceCoversEveryMentionWhileTheAssertionComesFromThePresentOnes() {
        // "renal" (14-19) is present, "fiebre" (36-42) is negated, both coded N28.9 for the test.
        org.opencac.core.model.Context negated = new org.opencac.core.model.Context(true, false, false, false, false,
                List.of("negation: no hay"));
        AnalyzedNote note = AnalyzedNote.of(org.opencac.core.model.Note.of("fixture", RankFixtures.TEXT,
                org.opencac.core.model.Language.ES)).withMentions(List.of(
                RankFixtures.mention(36, 42, org.opencac.dictionaries.CodeSystem.ICD10CM, "N28.9",
                        org.opencac.dictionaries.TermSources.CODIESP_TRAIN, 1.0, negated),
                RankFixtures.mention(14, 19, org.opencac.dictionaries.CodeSystem.ICD10CM, "N28.9",
                        org.opencac.dictionaries.TermSources.CODIESP_TRAIN, 1.0,
                        org.opencac.core.model.Context.AFFIRMED)), Layer.MENTIONS, Layer.CONTEXT);
        RankerStage stage = new RankerStage(tinyRanker(), Dictionaries.builder().build(), null);
        CodeSuggestion suggestion = stage.apply(note).suggestions().stream()
                .filter(s -> s.code().equals("N28.9")).findFirst().orElseThrow();
        assertEquals(List.of(Evidence.of(RankFixtures.TEXT, 14, 19), Evidence.of(RankFixtures.TEXT, 36, 42)),
                suggestion.evidence());
        assertEquals(org.opencac.core.model.Assertion.PRESENT, suggestion.assertion());
    }

    @Test
    void spanishEvidenceTakesInTheSideWordRightAfterIt() {
        String text = "Litiasis renal Izquierda. Quiste renal derechos. Dolor renal, derecha. Renal derecha2";
        Evidence extended = RankerStage.withFollowingSide(text, Evidence.of(text, 0, 14),
                org.opencac.core.model.Language.ES);
        assertEquals(Evidence.of(text, 0, 24), extended);
        for (int[] span : new int[][] {{26, 38}, {49, 60}, {71, 76}}) {
            Evidence piece = Evidence.of(text, span[0], span[1]);
            assertEquals(piece, RankerStage.withFollowingSide(text, piece, org.opencac.core.model.Language.ES),
                    piece.text());
        }
        Evidence english = Evidence.of(text, 0, 14);
        assertEquals(english, RankerStage.withFollowingSide(text, english, org.opencac.core.model.Language.EN));
    }

    @Test
    void nestedEvidenceIsReducedToTheOutermostSpans() {
        String text = "Type 2 diabetes mellitus. Diabetes.";
        java.util.List<org.opencac.core.model.Evidence> pieces = RankerStage.outermost(java.util.List.of(
                org.opencac.core.model.Evidence.of(text, 0, 6), org.opencac.core.model.Evidence.of(text, 0, 24),
                org.opencac.core.model.Evidence.of(text, 7, 15), org.opencac.core.model.Evidence.of(text, 26, 34)));
        org.junit.jupiter.api.Assertions.assertEquals(java.util.List.of(
                org.opencac.core.model.Evidence.of(text, 0, 24), org.opencac.core.model.Evidence.of(text, 26, 34)),
                pieces);
    }

    @Test
    void aSevenCharacterPcsCodeScoredBelowItsFourCharacterPrefixStaysASuggestion() {
        // "Ecografia renal" (44-59) is a mention of both BT41 and BT41ZZZ; in training notes coders chose BT41 for
        // it 3 times in 4 and BT41ZZZ once, so the prefix scores higher. CodiEsp codes either form.
        org.opencac.dictionaries.CodeSystem pcs = org.opencac.dictionaries.CodeSystem.ICD10PCS;
        org.opencac.core.model.Mention prefix = RankFixtures.mention(44, 59, pcs, "BT41",
                org.opencac.dictionaries.TermSources.CODIESP_TRAIN, 0.9, org.opencac.core.model.Context.AFFIRMED);
        org.opencac.core.model.Mention extension = RankFixtures.mention(44, 59, pcs, "BT41ZZZ",
                org.opencac.dictionaries.TermSources.CODIESP_TRAIN, 0.9, org.opencac.core.model.Context.AFFIRMED);
        TermStatistics.Builder statistics = new TermStatistics.Builder();
        for (int i = 0; i < 4; i++) {
            statistics.addDocument(List.of(prefix, extension),
                    java.util.Set.of(i < 3 ? "ICD-10-PCS|BT41" : "ICD-10-PCS|BT41ZZZ"));
        }
        Ranker trained = tinyRanker();
        Ranker ranker = new Ranker(trained.model(), trained.card(), statistics.build(), null);
        AnalyzedNote note = AnalyzedNote.of(org.opencac.core.model.Note.of("fixture", RankFixtures.TEXT,
                org.opencac.core.model.Language.ES)).withMentions(List.of(prefix, extension), Layer.MENTIONS,
                Layer.CONTEXT);
        List<String> codes = new RankerStage(ranker, Dictionaries.builder().build(), null).apply(note)
                .suggestions().stream().map(CodeSuggestion::code).toList();
        assertEquals(List.of("BT41", "BT41ZZZ"), codes);
    }
}
