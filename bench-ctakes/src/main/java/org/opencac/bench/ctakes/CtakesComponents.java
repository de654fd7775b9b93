package org.opencac.bench.ctakes;

import java.util.List;

/**
 * The cTAKES components the benchmark can run, in pipeline order. Kept apart from {@link CtakesPipeline} so the
 * application side can name them without loading any cTAKES class.
 */
public final class CtakesComponents {
    /** segment, sentence detector, PTB tokenizer, POS tagger, chunker, fast dictionary lookup, negation context. */
    public static final List<String> ALL =
            List.of("segment", "sentences", "tokens", "pos", "chunks", "dictionary", "negation");

    private CtakesComponents() {
    }

    /** The components must be the first n of {@link #ALL}, since each one reads what the earlier ones add. */
    public static void checkPrefix(List<String> components) {
        if (components.isEmpty() || components.size() > ALL.size()
                || !ALL.subList(0, components.size()).equals(components)) {
            throw new IllegalArgumentException("cTAKES components must be a prefix of " + ALL + ", got "
                    + components);
        }
    }
}
