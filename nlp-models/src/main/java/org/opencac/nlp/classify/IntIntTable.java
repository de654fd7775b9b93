package org.opencac.nlp.classify;

/**
 * A small map from non-negative int keys to int values (open addressing, linear probing), for the classifier's
 * hot path: hashed buckets to counts or to input columns without boxing. Key and value share one long slot, so a
 * look-up touches one cache line. Not thread-safe while being written.
 */
final class IntIntTable {
    /** A slot holds (key + 1) in its high 32 bits and the value in its low 32 bits; 0 means empty. */
    private long[] slots;
    private int size;
    /** Sum of the squares of all values, kept up to date on every change. */
    private long sumOfSquares;

    IntIntTable(int expectedSize) {
        slots = new long[Integer.highestOneBit(Math.max(4, expectedSize * 2 - 1)) << 1];
    }

    int size() {
        return size;
    }

    /** The value of key, or {@code missing} when absent. */
    int get(int key, int missing) {
        long tag = tag(key);
        int mask = slots.length - 1;
        for (int slot = spread(key) & mask; ; slot = (slot + 1) & mask) {
            long s = slots[slot];
            if (s == 0) {
                return missing;
            }
            if ((s & 0xFFFFFFFF00000000L) == tag) {
                return (int) s;
            }
        }
    }

    void put(int key, int value) {
        int slot = slotFor(key); // first: it may grow the table
        int old = (int) slots[slot];
        sumOfSquares += (long) value * value - (long) old * old;
        slots[slot] = tag(key) | (value & 0xFFFFFFFFL);
    }

    /** Adds delta to the value of key (0 when absent). */
    void add(int key, int delta) {
        int slot = slotFor(key); // first: it may grow the table
        int old = (int) slots[slot];
        int value = old + delta;
        sumOfSquares += (long) value * value - (long) old * old;
        slots[slot] = tag(key) | (value & 0xFFFFFFFFL);
    }

    /** Sum of the squares of all values (exact: kept as a long). */
    double sumOfSquares() {
        return sumOfSquares;
    }

    /** The slot of key, inserting it with value 0 when absent. */
    private int slotFor(int key) {
        long tag = tag(key);
        if ((size + 1) * 2 > slots.length) {
            grow();
        }
        int mask = slots.length - 1;
        int slot = spread(key) & mask;
        while (slots[slot] != 0 && (slots[slot] & 0xFFFFFFFF00000000L) != tag) {
            slot = (slot + 1) & mask;
        }
        if (slots[slot] == 0) {
            slots[slot] = tag;
            size++;
        }
        return slot;
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        int mask = slots.length - 1;
        for (long s : old) {
            if (s != 0) {
                int key = (int) (s >>> 32) - 1;
                int slot = spread(key) & mask;
                while (slots[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                slots[slot] = s;
            }
        }
    }

    private static long tag(int key) {
        if (key < 0) {
            throw new IllegalArgumentException("keys must be non-negative: " + key);
        }
        return ((long) key + 1) << 32;
    }

    private static int spread(int key) {
        int h = key * 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
