package org.opencac.core.model;

import org.opencac.dictionaries.CodeSystem;

/**
 * A dictionary hit in the note: the evidence span, the code the matched term belongs to, how the term matched,
 * the section it sits in and its clinical context.
 */
public record Mention(Span span, String text, CodeSystem system, String code, String term, String termSource,
                      double matchScore, String release, String section, Context context) {

    public Mention withContext(Context newContext) {
        return new Mention(span, text, system, code, term, termSource, matchScore, release, section, newContext);
    }

    public Mention withSection(String newSection) {
        return new Mention(span, text, system, code, term, termSource, matchScore, release, newSection, context);
    }

    public Evidence evidence() {
        return new Evidence(span.start(), span.end(), text);
    }

    @Override
    public String toString() {
        return "Mention[" + system.displayName() + " " + code + " @" + span.start() + "-" + span.end() + "]";
    }
}
