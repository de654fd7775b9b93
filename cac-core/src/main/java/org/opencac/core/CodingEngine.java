package org.opencac.core;

import org.opencac.core.model.Note;

/**
 * The coding pipeline with its bundled dictionaries and models, built once and shared by all threads.
 * CONTRACT: implemented by the integrator (issue #3).
 */
public final class CodingEngine implements NoteCoder {

    /** The engine on bundled dictionaries and models with default settings. Takes a few seconds. */
    public static CodingEngine createDefault() {
        return create(EngineConfig.defaults());
    }

    public static CodingEngine create(EngineConfig config) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Override
    public CodingResult code(Note note) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Override
    public String version() {
        return "opencac-0.1.0";
    }
}
