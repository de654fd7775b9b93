package org.opencac.dictionaries.search;

import org.opencac.dictionaries.CodeSystem;

/** One result of a free-text code search, best first; {@code score} is Lucene's relevance score. */
public record SearchHit(CodeSystem system, String code, String title, boolean billable, String release,
                        double score) {
}
