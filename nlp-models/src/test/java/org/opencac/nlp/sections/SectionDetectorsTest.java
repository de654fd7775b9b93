package org.opencac.nlp.sections;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SectionDetectorsTest {
    private static List<SectionType> types(List<Section> sections) {
        return sections.stream().map(Section::type).toList();
    }

    @Test
    void englishHeadingsWithAndWithoutColonInAnyCase() {
        String note = "Seen in clinic.\nCHIEF COMPLAINT: cough\nhpi\nThree days of cough.\n"
                + "Past Medical History:\nAsthma.\nFamily history: mother with diabetes\nMeds: albuterol\n"
                + "ROS: negative\nPhysical Exam\nClear lungs.\nLabs: WBC 12\nAssessment and Plan:\nBronchitis.";
        List<Section> sections = SectionDetectors.forLanguage("en").detect(note);
        assertEquals(List.of(SectionType.OTHER, SectionType.CHIEF_COMPLAINT, SectionType.HISTORY_OF_PRESENT_ILLNESS,
                SectionType.PAST_MEDICAL_HISTORY, SectionType.FAMILY_HISTORY, SectionType.MEDICATIONS,
                SectionType.REVIEW_OF_SYSTEMS, SectionType.PHYSICAL_EXAM, SectionType.RESULTS,
                SectionType.ASSESSMENT_AND_PLAN), types(sections));
        Section family = sections.get(4);
        assertEquals("Family history", family.heading());
        assertEquals("mother with diabetes\n", note.substring(family.bodyStart(), family.end()));
        assertEquals(note.indexOf("Family history"), family.start());
    }

    @Test
    void sectionsCoverTheWholeTextInOrder() {
        String note = "Allergies: NKDA\nIMPRESSION:\nNo acute disease.";
        List<Section> sections = SectionDetectors.forLanguage("en").detect(note);
        assertEquals(List.of(SectionType.ALLERGIES, SectionType.IMPRESSION), types(sections));
        assertEquals(0, sections.get(0).start());
        assertEquals(sections.get(0).end(), sections.get(1).start());
        assertEquals(note.length(), sections.get(1).end());
    }

    @Test
    void unknownHeadingOpensOtherButInlineLabelsDoNot() {
        String note = "Physical exam:\nTEMP: 38.2\nDISPOSITION:\nHome.";
        List<Section> sections = SectionDetectors.forLanguage("en").detect(note);
        assertEquals(List.of(SectionType.PHYSICAL_EXAM, SectionType.OTHER), types(sections));
        assertEquals("DISPOSITION", sections.get(1).heading());
    }

    @Test
    void textWithoutHeadingsIsOneOtherSection() {
        String note = "Patient doing well. No complaints.";
        assertEquals(List.of(new Section(0, note.length(), 0, SectionType.OTHER, "")),
                SectionDetectors.forLanguage("en").detect(note));
    }

    @Test
    void spanishHeadingsIgnoringAccentsAndCase() {
        String note = "Mujer de 54 años.\nAntecedentes personales: HTA.\nANTECEDENTES FAMILIARES\nPadre con DM2.\n"
                + "Enfermedad actual: dolor.\nExploracion fisica: normal.\nPruebas complementarias: Hb 12.\n"
                + "Juicio clínico: neumonía.\nTratamiento: amoxicilina.\nEvolución: favorable.";
        assertEquals(List.of(SectionType.OTHER, SectionType.PAST_MEDICAL_HISTORY, SectionType.FAMILY_HISTORY,
                SectionType.HISTORY_OF_PRESENT_ILLNESS, SectionType.PHYSICAL_EXAM, SectionType.RESULTS,
                SectionType.DIAGNOSES, SectionType.MEDICATIONS, SectionType.ASSESSMENT_AND_PLAN),
                types(SectionDetectors.forLanguage("es").detect(note)));
    }
}
