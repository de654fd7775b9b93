package org.opencac.nlp.context;

/** Which side of a trigger its scope extends to. */
public enum Direction {
    FORWARD,
    BACKWARD,
    BIDIRECTIONAL,
    /** Pseudo-triggers and terminations have no scope. */
    NONE
}
