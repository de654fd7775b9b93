package org.opencac.eval.codiesp;

import java.util.List;

/** Small hand-made predictions for scorer tests. */
final class Fixtures {
    private Fixtures() {
    }

    static Candidate d(String code, double confidence, boolean suggested, TextSpan... evidence) {
        return new Candidate(CodeType.D, code, confidence, suggested, List.of(evidence));
    }

    static Candidate p(String code, double confidence, boolean suggested, TextSpan... evidence) {
        return new Candidate(CodeType.P, code, confidence, suggested, List.of(evidence));
    }

    static TextSpan span(int start, int end) {
        return new TextSpan(start, end, "t" + start);
    }

    static GoldReference reference(String doc, CodeType type, String code, String evidence, int start, int end) {
        return new GoldReference(new CodeKey(doc, type, code), evidence, new TextSpan(start, end, evidence),
                start + " " + end);
    }
}
