package org.opencac.eval.rank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opencac.dictionaries.CodeEntry;
import org.opencac.dictionaries.CodeRelease;
import org.opencac.dictionaries.CodeSystem;
import org.opencac.dictionaries.Dictionaries;
import org.opencac.dictionaries.DictionaryTerm;
import org.opencac.dictionaries.match.Language;
import org.opencac.eval.codiesp.CodeKey;
import org.opencac.eval.codiesp.CodeType;
import org.opencac.eval.codiesp.GoldReference;
import org.opencac.eval.codiesp.TextSpan;

class CrossFittingTest {

    @Test
    void foldsNeverTrainOnTheirOwnDocuments() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            ids.add("doc" + i);
        }
        CrossFitFolds folds = new CrossFitFolds(ids, 5, 13);
        Set<String> seen = new HashSet<>();
        for (int k = 0; k < 5; k++) {
            List<String> own = folds.documents(k);
            List<String> others = folds.trainingDocuments(k);
            assertTrue(own.size() == 4 || own.size() == 5);
            assertEquals(23, own.size() + others.size());
            for (String id : own) {
                assertFalse(others.contains(id), id + " used for its own fold");
                assertEquals(k, folds.foldOf(id));
                assertTrue(seen.add(id), id + " in two folds");
            }
        }
        assertEquals(23, seen.size());
        assertEquals(folds.documents(2), new CrossFitFolds(ids, 5, 13).documents(2), "reproducible");
    }

    @Test
    void foldDocumentsComeInIdOrderSoTrainingRowsKeepOneOrderAcrossRuns() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            ids.add(String.format(java.util.Locale.ROOT, "doc-%02d", (i * 37) % 60));
        }
        CrossFitFolds folds = new CrossFitFolds(ids, 5, 13);
        for (int k = 0; k < folds.folds(); k++) {
            List<String> own = folds.documents(k);
            List<String> others = folds.trainingDocuments(k);
            assertEquals(own.stream().sorted().toList(), own);
            assertEquals(others.stream().sorted().toList(), others);
        }
    }

    @Test
    void foldDictionaryHoldsOnlyOtherFoldsTerms() {
        CodeRelease release = new CodeRelease(CodeSystem.ICD10CM, "FY2018", LocalDate.of(2017, 10, 1),
                List.of(new CodeEntry(CodeSystem.ICD10CM, "N18.9", "ckd", "Chronic kidney disease", true, "FY2018"),
                        new CodeEntry(CodeSystem.ICD10CM, "R50.9", "fever", "Fever", true, "FY2018")),
                Map.of());
        Dictionaries base = Dictionaries.builder().addRelease(release).build();
        RankerTraining.Doc a = doc("a", "N18.9", "insuficiencia renal cronica");
        RankerTraining.Doc b = doc("b", "R50.9", "fiebre");
        CrossFitFolds folds = new CrossFitFolds(List.of("a", "b"), 2, 1);
        assertNotEquals(folds.foldOf("a"), folds.foldOf("b"));
        List<RankerTraining.Doc> othersOfA = new ArrayList<>();
        for (RankerTraining.Doc doc : List.of(a, b)) {
            if (folds.trainingDocuments(folds.foldOf("a")).contains(doc.id())) {
                othersOfA.add(doc);
            }
        }
        Dictionaries foldOfA = RankerTraining.learnedDictionary(base, othersOfA);
        List<String> texts = foldOfA.terms(Language.ES, null).stream().map(Map.Entry::getKey)
                .map(DictionaryTerm::text).toList();
        assertEquals(List.of("fiebre"), texts);
    }

    private static RankerTraining.Doc doc(String id, String code, String evidence) {
        CodeKey key = new CodeKey(id, CodeType.D, code);
        return new RankerTraining.Doc(id, evidence, Set.of("ICD-10-CM|" + code),
                List.of(new GoldReference(key, evidence, new TextSpan(0, evidence.length(), evidence), "0 1")));
    }
}
