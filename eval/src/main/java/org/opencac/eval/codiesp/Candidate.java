package org.opencac.eval.codiesp;

import java.util.List;

/**
 * One scored code for one document.
 *
 * @param suggested true when the pipeline outputs it as configured (it is in {@code CodingResult.suggestions})
 * @param evidence  where the code is supported, in code points of the document text
 */
public record Candidate(CodeType type, String code, double confidence, boolean suggested, List<TextSpan> evidence) {
    public Candidate {
        code = CodeKey.normalize(code);
        evidence = List.copyOf(evidence);
    }
}
