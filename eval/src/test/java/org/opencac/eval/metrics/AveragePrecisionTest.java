package org.opencac.eval.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AveragePrecisionTest {
    @Test
    void averagePrecisionOfASmallRanking() {
        // ranked: a(rel) x b(rel) y ; relevant {a, b, c}
        // precision at the relevant ranks: a at 1 -> 1/1, b at 3 -> 2/3; c never retrieved -> 0
        // AP = (1 + 2/3 + 0) / 3 = 5/9
        assertEquals(5.0 / 9.0, AveragePrecision.of(List.of("a", "x", "b", "y"), Set.of("a", "b", "c")), 1e-12);
    }

    @Test
    void emptyRankingGivesZero() {
        assertEquals(0.0, AveragePrecision.of(List.of(), Set.of("a")));
    }

    @Test
    void repeatedItemCountsOnlyAtItsFirstRank() {
        // a x x b -> ranks a=1, x=2, b=3: AP = (1 + 2/3) / 2 = 5/6
        assertEquals(5.0 / 6.0, AveragePrecision.of(List.of("a", "x", "x", "b"), Set.of("a", "b")), 1e-12);
    }

    @Test
    void meanSkipsQueriesWithoutRelevantItemsAndCountsMissingRankingsAsZero() {
        Map<String, List<String>> ranked = Map.of(
                "doc1", List.of("a", "x", "b", "y"), // AP 5/9 against {a, b, c}
                "doc3", List.of("q"));               // no gold: left out of the mean
        Map<String, Set<String>> gold = Map.of(
                "doc1", Set.of("a", "b", "c"),
                "doc2", Set.of("z"),                 // no ranking: AP 0
                "doc3", Set.of());
        // MAP = (5/9 + 0) / 2 = 5/18
        assertEquals(5.0 / 18.0, AveragePrecision.mean(ranked, gold), 1e-12);
    }
}
