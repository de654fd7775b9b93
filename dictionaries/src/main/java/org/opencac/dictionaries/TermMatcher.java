package org.opencac.dictionaries;

import java.util.List;

/**
 * Finds dictionary terms in a tokenized text. Implementations are immutable and thread-safe: built once,
 * shared by every pipeline thread.
 */
public interface TermMatcher {

    /**
     * @param text        the original note text
     * @param tokenStarts start offset of each token in {@code text}
     * @param tokenEnds   end offset (exclusive) of each token in {@code text}
     * @return the matches, each with offsets into {@code text}; overlapping matches for different codes are allowed
     */
    List<TermMatch> match(String text, int[] tokenStarts, int[] tokenEnds);
}
