package org.opencac.nlp.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IntIntTableTest {
    @Test
    void countsLikeAHashMapWhileGrowingFromATinyTable() {
        IntIntTable table = new IntIntTable(2);
        Map<Integer, Integer> expected = new HashMap<>();
        Random random = new Random(3);
        for (int i = 0; i < 20_000; i++) {
            int key = random.nextInt(5_000);
            table.add(key, 1);
            expected.merge(key, 1, Integer::sum);
        }
        assertEquals(expected.size(), table.size());
        double squares = 0;
        for (Map.Entry<Integer, Integer> e : expected.entrySet()) {
            assertEquals(e.getValue(), table.get(e.getKey(), -1));
            squares += (double) e.getValue() * e.getValue();
        }
        assertEquals(squares, table.sumOfSquares());
        assertEquals(-1, table.get(5_001, -1));
    }

    @Test
    void putReplacesAndNegativeKeysAreRejected() {
        IntIntTable table = new IntIntTable(1);
        for (int key = 0; key < 100; key++) {
            table.put(key * 7919, key);
        }
        table.put(7919, 42);
        assertEquals(42, table.get(7919, -1));
        assertEquals(99, table.get(99 * 7919, -1));
        assertThrows(IllegalArgumentException.class, () -> table.add(-1, 1));
    }
}
