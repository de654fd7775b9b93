package org.opencac.core.rank;

import java.util.List;
import org.opencac.core.model.Context;
import org.opencac.core.model.Language;
import org.opencac.core.model.Mention;
import org.opencac.core.model.Note;
import org.opencac.core.model.Span;
import org.opencac.core.pipeline.AnalyzedNote;
import org.opencac.core.pipeline.Layer;
import org.opencac.dictionaries.CodeSystem;
import org.opencac.dictionaries.TermSources;

/** A tiny hand-made analysed note shared by the ranker tests. */
final class RankFixtures {
    // 0         1         2         3         4         5         6
    // 0123456789012345678901234567890123456789012345678901234567890123
    static final String TEXT = "Insuficiencia renal cronica. No hay fiebre. Ecografia renal.";

    private RankFixtures() {
    }

    static Mention mention(int start, int end, CodeSystem system, String code, String source, double score,
                           Context context) {
        return new Mention(new Span(start, end), TEXT.substring(start, end), system, code,
                TEXT.substring(start, end).toLowerCase(), source, score, "FY2018", null, context);
    }

    static AnalyzedNote note() {
        Context negated = new Context(true, false, false, false, false, List.of("negation: no hay"));
        List<Mention> mentions = List.of(
                mention(0, 27, CodeSystem.ICD10CM, "N18.9", TermSources.CODIESP_TRAIN, 1.0, Context.AFFIRMED),
                mention(14, 19, CodeSystem.ICD10CM, "N28.9", TermSources.CODIESP_TRAIN, 0.5, Context.AFFIRMED),
                mention(36, 42, CodeSystem.ICD10CM, "R50.9", TermSources.CODIESP_TRAIN, 1.0, negated),
                mention(44, 59, CodeSystem.ICD10PCS, "BT41", TermSources.CODIESP_TRAIN, 0.9, Context.AFFIRMED));
        return AnalyzedNote.of(Note.of("fixture", TEXT, Language.ES))
                .withMentions(mentions, Layer.MENTIONS, Layer.CONTEXT);
    }

    /** Statistics: "insuficiencia renal cronica" was coded N18.9 in 3 of 4 training notes; "renal" N28.9 1 of 9. */
    static TermStatistics statistics() {
        TermStatistics.Builder builder = new TermStatistics.Builder();
        Mention longer = mention(0, 27, CodeSystem.ICD10CM, "N18.9", TermSources.CODIESP_TRAIN, 1.0, Context.AFFIRMED);
        Mention renal = mention(14, 19, CodeSystem.ICD10CM, "N28.9", TermSources.CODIESP_TRAIN, 0.5, Context.AFFIRMED);
        for (int i = 0; i < 9; i++) {
            java.util.Set<String> gold = new java.util.HashSet<>();
            if (i < 3) {
                gold.add("ICD-10-CM|N18.9");
            }
            if (i == 0) {
                gold.add("ICD-10-CM|N28.9");
            }
            builder.addDocument(i < 4 ? List.of(longer, renal) : List.of(renal), gold);
        }
        return builder.build();
    }
}
