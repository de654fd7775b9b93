package org.opencac.core;

import org.opencac.core.model.Note;

/** Anything that codes a note. {@link CodingEngine} is the real one; implementations must be thread-safe. */
public interface NoteCoder {
    CodingResult code(Note note);

    /** Identifies the pipeline and model versions, recorded with every suggestion a service stores. */
    String version();
}
