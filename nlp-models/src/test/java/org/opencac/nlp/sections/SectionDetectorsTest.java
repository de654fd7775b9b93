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

    @Test
    void lineStartsAreWhereAMultilineCaretMatches() {
        java.util.regex.Pattern caret = java.util.regex.Pattern.compile("(?m)^");
        List<String> pieces = List.of("a", "HISTORY:", " ", "\n", "\r", "\r\n", "\u0085", "\u2028", "\u2029", "\t", "1.",
                "\u000b", "\f");
        java.util.Random random = new java.util.Random(7);
        for (int n = 0; n < 3000; n++) {
            StringBuilder text = new StringBuilder();
            for (int k = random.nextInt(10); k > 0; k--) {
                text.append(pieces.get(random.nextInt(pieces.size())));
            }
            List<Integer> expected = new java.util.ArrayList<>();
            java.util.regex.Matcher matcher = caret.matcher(text);
            while (matcher.find()) {
                expected.add(matcher.start());
            }
            assertEquals(expected, HeadingSectionDetector.lineStarts(text.toString()),
                    text.toString().replace("\n", "\\n").replace("\r", "\\r"));
        }
    }

    @Test
    void headingsAfterEveryKindOfLineBreak() {
        HeadingSectionDetector detector = HeadingSectionDetector.forLanguage("en");
        for (String lineBreak : List.of("\n", "\r\n", "\r", "\u2028")) {
            String text = "Seen today." + lineBreak + "HISTORY:" + lineBreak + "cough" + lineBreak + "PLAN: rest";
            List<Section> sections = detector.detect(text);
            assertEquals(3, sections.size(), lineBreak.length() + " " + sections);
            assertEquals(text.indexOf("HISTORY"), sections.get(1).start());
            assertEquals(text.indexOf("PLAN"), sections.get(2).start());
        }
    }
}
