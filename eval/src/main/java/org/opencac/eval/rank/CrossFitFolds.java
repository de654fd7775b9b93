package org.opencac.eval.rank;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Assigns documents to K folds for cross-fitting: sorted ids shuffled with a fixed seed, then dealt round-robin,
 * so the assignment is reproducible and the folds differ in size by at most one.
 */
public final class CrossFitFolds {
    private final Map<String, Integer> foldOf;
    private final int folds;

    public CrossFitFolds(List<String> documentIds, int folds, long seed) {
        if (folds < 2) {
            throw new IllegalArgumentException("need at least 2 folds");
        }
        List<String> ids = new ArrayList<>(documentIds);
        Collections.sort(ids);
        Collections.shuffle(ids, new Random(seed));
        Map<String, Integer> map = new TreeMap<>();
        for (int i = 0; i < ids.size(); i++) {
            map.put(ids.get(i), i % folds);
        }
        // Kept in id order: Map.copyOf iterates in an order that changes from one JVM run to the next, and the
        // documents' order is the order of the training rows, which the learned model depends on.
        this.foldOf = Collections.unmodifiableMap(map);
        this.folds = folds;
    }

    public int folds() {
        return folds;
    }

    public int foldOf(String documentId) {
        Integer fold = foldOf.get(documentId);
        if (fold == null) {
            throw new IllegalArgumentException("unknown document " + documentId);
        }
        return fold;
    }

    /** The documents whose statistics may be used for documents of {@code fold}: every other fold. */
    public List<String> trainingDocuments(int fold) {
        List<String> ids = new ArrayList<>();
        foldOf.forEach((id, f) -> {
            if (f != fold) {
                ids.add(id);
            }
        });
        return ids;
    }

    public List<String> documents(int fold) {
        List<String> ids = new ArrayList<>();
        foldOf.forEach((id, f) -> {
            if (f == fold) {
                ids.add(id);
            }
        });
        return ids;
    }
}
