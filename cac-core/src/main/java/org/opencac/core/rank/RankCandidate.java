package org.opencac.core.rank;

import java.util.List;
import org.opencac.core.model.Mention;
import org.opencac.core.model.Span;
import org.opencac.dictionaries.CodeSystem;

/**
 * One (note, code) the ranker scores: the dictionary mentions of the code (all of them, nested and negated
 * included; may be empty) and what the document classifier says about it.
 *
 * @param classifierScore  the classifier's score, or -1 when the classifier does not know the code
 * @param classifierRank   0-based rank among the classifier's codes for this note, or -1
 * @param classifierEvidence sentences the classifier points at (used when there is no mention)
 */
public record RankCandidate(CodeSystem system, String code, List<Mention> mentions, double classifierScore,
                            int classifierRank, List<Span> classifierEvidence) {
    public RankCandidate {
        mentions = List.copyOf(mentions);
        classifierEvidence = List.copyOf(classifierEvidence);
    }

    public String key() {
        return TermStatistics.codeKey(system.displayName(), code);
    }
}
