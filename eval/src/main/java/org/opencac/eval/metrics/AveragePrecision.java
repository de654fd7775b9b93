package org.opencac.eval.metrics;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Average precision of one ranked list and its mean over queries, as trec_eval defines them: the mean, over every
 * relevant item, of the precision at the rank where it was retrieved (0 for relevant items never retrieved).
 * The ranked list must already be in its final, deterministic order; a repeated item counts only where it first
 * appears.
 */
public final class AveragePrecision {
    private AveragePrecision() {
    }

    public static <T> double of(List<T> ranked, Set<T> relevant) {
        if (relevant.isEmpty()) {
            return 0.0;
        }
        Set<T> seen = new HashSet<>();
        int rank = 0;
        int hits = 0;
        double sumOfPrecisions = 0.0;
        for (T item : ranked) {
            if (!seen.add(item)) {
                continue;
            }
            rank++;
            if (relevant.contains(item)) {
                hits++;
                sumOfPrecisions += (double) hits / rank;
            }
        }
        return sumOfPrecisions / relevant.size();
    }

    /**
     * Mean of the average precision over the queries that have at least one relevant item; a query with relevant
     * items but no ranked list scores 0. Queries without relevant items are left out.
     */
    public static <K, T> double mean(Map<K, List<T>> rankedByQuery, Map<K, Set<T>> relevantByQuery) {
        int queries = 0;
        double sum = 0.0;
        for (Map.Entry<K, Set<T>> entry : relevantByQuery.entrySet()) {
            if (entry.getValue().isEmpty()) {
                continue;
            }
            queries++;
            sum += of(rankedByQuery.getOrDefault(entry.getKey(), List.of()), entry.getValue());
        }
        return queries == 0 ? 0.0 : sum / queries;
    }
}
