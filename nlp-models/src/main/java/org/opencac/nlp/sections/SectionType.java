package org.opencac.nlp.sections;

/** Note sections that change how a mention is coded. */
public enum SectionType {
    CHIEF_COMPLAINT,
    HISTORY_OF_PRESENT_ILLNESS,
    PAST_MEDICAL_HISTORY,
    PAST_SURGICAL_HISTORY,
    FAMILY_HISTORY,
    SOCIAL_HISTORY,
    MEDICATIONS,
    ALLERGIES,
    REVIEW_OF_SYSTEMS,
    PHYSICAL_EXAM,
    RESULTS,
    PROCEDURES,
    ASSESSMENT_AND_PLAN,
    IMPRESSION,
    DIAGNOSES,
    /** Text before any recognised heading, or under a heading we do not know. */
    OTHER
}
