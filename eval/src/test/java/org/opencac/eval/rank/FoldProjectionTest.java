package org.opencac.eval.rank;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.opencac.dictionaries.DictionaryTerm;

class FoldProjectionTest {
    private final FoldProjection projection = new FoldProjection(Map.of(
            "d1", List.of(new FoldProjection.Row("ICD-10-CM", "n18.9", "chronic kidney failure"),
                    new FoldProjection.Row("ICD-10-CM", "n28.9", "kidney lesion")),
            "d2", List.of(new FoldProjection.Row("ICD-10-CM", "n18.9", "chronic kidney failure"),
                    new FoldProjection.Row("ICD-10-CM", "n17.9", "kidney lesion")),
            "d3", List.of(new FoldProjection.Row("ICD-10-PCS", "bt41zzz", "right kidney ultrasound"))));

    @Test
    void aFoldSeesOnlyTheTermsOfItsTrainingDocuments() {
        Set<String> codes = projection.terms(List.of("d1", "d3")).stream().map(DictionaryTerm::code)
                .collect(Collectors.toSet());
        assertEquals(Set.of("N18.9", "N28.9", "BT41ZZZ"), codes);
        assertEquals(Set.of(), projection.terms(List.of("unknown")).stream().map(DictionaryTerm::code)
                .collect(Collectors.toSet()));
    }

    @Test
    void weightsAreTheShareOfThePhrasesAnnotationsWithinTheFold() {
        Map<String, Double> weights = projection.terms(List.of("d1", "d2")).stream()
                .filter(t -> t.text().equals("kidney lesion"))
                .collect(Collectors.toMap(DictionaryTerm::code, DictionaryTerm::weight));
        assertEquals(Map.of("N28.9", 0.5, "N17.9", 0.5), weights);
        DictionaryTerm ckd = projection.terms(List.of("d1", "d2")).stream()
                .filter(t -> t.code().equals("N18.9")).findFirst().orElseThrow();
        assertEquals(1.0, ckd.weight(), 1e-12);
        assertEquals(1.0, projection.terms(List.of("d2")).stream().filter(t -> t.text().equals("kidney lesion"))
                .findFirst().orElseThrow().weight(), 1e-12);
    }
}
