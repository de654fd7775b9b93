package org.opencac.core.rank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.opencac.core.model.Context;
import org.opencac.core.model.Mention;
import org.opencac.core.model.Note;
import org.opencac.core.model.Language;
import org.opencac.core.model.Span;
import org.opencac.core.pipeline.AnalyzedNote;
import org.opencac.core.pipeline.Layer;
import org.opencac.dictionaries.CodeSystem;
import org.opencac.dictionaries.TermSources;

/** The per-note index answers exactly what the pairwise checks answer, on many overlapping mentions and codes. */
class NoteIndexTest {
    private static final String TEXT = "x".repeat(60);
    private static final String[] CODES = {"N18", "N18.9", "N18.30", "N28.9", "N2", "R50.9", "R50", "BT41", "BT41ZZZ",
            "BT4", "0DT", "0DTJ4ZZ"};

    @Test
    void nestingFlagsEqualThePairwiseChecks() {
        Random random = new Random(7);
        int nested = 0;
        int containing = 0;
        for (int trial = 0; trial < 50; trial++) {
            List<Mention> mentions = new ArrayList<>();
            for (int i = 0; i < 25; i++) {
                int start = random.nextInt(50);
                int end = start + random.nextInt(10);
                CodeSystem system = random.nextBoolean() ? CodeSystem.ICD10CM : CodeSystem.ICD10PCS;
                mentions.add(mention(start, end, system, CODES[random.nextInt(CODES.length)]));
            }
            mentions.add(mentions.get(3)); // the same mention twice, and an equal copy
            mentions.add(mention(mentions.get(4).span().start(), mentions.get(4).span().end(),
                    mentions.get(4).system(), "N18"));
            AnalyzedNote note = note(mentions);
            CandidateFeatures.NoteIndex index = new CandidateFeatures.NoteIndex(note, List.of());
            for (Mention m : mentions) {
                boolean inside = CandidateFeatures.insideLonger(m, mentions);
                boolean contains = CandidateFeatures.containsShorter(m, mentions);
                assertEquals(inside, index.insideLonger(m), m.toString());
                assertEquals(contains, index.containsShorter(m), m.toString());
                nested += inside ? 1 : 0;
                containing += contains ? 1 : 0;
            }
        }
        assertTrue(nested > 50 && containing > 50);
    }

    @Test
    void codeRelationsEqualThePairwiseChecks() {
        List<RankCandidate> candidates = new ArrayList<>();
        for (String code : CODES) {
            CodeSystem system = Character.isDigit(code.charAt(0)) || code.startsWith("B") ? CodeSystem.ICD10PCS
                    : CodeSystem.ICD10CM;
            candidates.add(new RankCandidate(system, code, List.of(), 0.5, 0, List.of()));
        }
        // Same code text in the other system must not count.
        candidates.add(new RankCandidate(CodeSystem.ICD10CM, "BT41ZZ", List.of(), 0.5, 1, List.of()));
        CandidateFeatures.NoteIndex index = new CandidateFeatures.NoteIndex(note(List.of()), candidates);
        for (RankCandidate c : candidates) {
            String bare = c.code().replace(".", "");
            int sameCategory = 0;
            boolean moreSpecific = false;
            boolean lessSpecific = false;
            for (RankCandidate other : candidates) {
                if (other == c || other.system() != c.system()) {
                    continue;
                }
                String otherBare = other.code().replace(".", "");
                if (otherBare.length() >= 3 && bare.length() >= 3
                        && otherBare.substring(0, 3).equals(bare.substring(0, 3))) {
                    sameCategory++;
                }
                moreSpecific |= otherBare.length() > bare.length() && otherBare.startsWith(bare);
                lessSpecific |= otherBare.length() < bare.length() && bare.startsWith(otherBare);
            }
            assertEquals(sameCategory, index.sameCategoryOthers(c), c.code());
            assertEquals(moreSpecific, index.moreSpecificExists(c), c.code());
            assertEquals(lessSpecific, index.lessSpecificExists(c), c.code());
        }
        assertEquals(2, index.sameCategoryOthers(candidates.get(0)));
        assertTrue(index.moreSpecificExists(candidates.get(0)));
        assertTrue(index.lessSpecificExists(candidates.get(1)));
    }

    private static Mention mention(int start, int end, CodeSystem system, String code) {
        return new Mention(new Span(start, end), TEXT.substring(start, end), system, code, "x",
                TermSources.CODIESP_TRAIN, 1.0, "FY2018", null, Context.AFFIRMED);
    }

    private static AnalyzedNote note(List<Mention> mentions) {
        return AnalyzedNote.of(Note.of("fixture", TEXT, Language.ES)).withMentions(mentions, Layer.MENTIONS,
                Layer.CONTEXT);
    }
}
