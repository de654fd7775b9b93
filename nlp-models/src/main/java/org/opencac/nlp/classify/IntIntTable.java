package org.opencac.nlp.classify;

import java.util.Arrays;

/**
 * A small map from non-negative int keys to int values (open addressing, linear probing), for the classifier's
 * hot path: hashed buckets to counts or to input columns without boxing. Not thread-safe while being written.
 */
final class IntIntTable {
    private static final int EMPTY = -1;

    private int[] keys;
    private int[] values;
    private int size;

    IntIntTable(int expectedSize) {
        int capacity = Integer.highestOneBit(Math.max(4, expectedSize * 2 - 1)) << 1;
        keys = new int[capacity];
        values = new int[capacity];
        Arrays.fill(keys, EMPTY);
    }

    int size() {
        return size;
    }

    /** The value of key, or {@code missing} when absent. */
    int get(int key, int missing) {
        int mask = keys.length - 1;
        for (int slot = spread(key) & mask; ; slot = (slot + 1) & mask) {
            int k = keys[slot];
            if (k == key) {
                return values[slot];
            }
            if (k == EMPTY) {
                return missing;
            }
        }
    }

    void put(int key, int value) {
        int slot = slotFor(key); // first: it may grow the arrays
        values[slot] = value;
    }

    /** Adds delta to the value of key (0 when absent). */
    void add(int key, int delta) {
        int slot = slotFor(key); // first: it may grow the arrays
        values[slot] += delta;
    }

    /** Sum of the squares of all values. */
    double sumOfSquares() {
        double sum = 0;
        for (int slot = 0; slot < keys.length; slot++) {
            if (keys[slot] != EMPTY) {
                sum += (double) values[slot] * values[slot];
            }
        }
        return sum;
    }

    /** The slot of key, inserting it with value 0 when absent. */
    private int slotFor(int key) {
        if (key < 0) {
            throw new IllegalArgumentException("keys must be non-negative: " + key);
        }
        if ((size + 1) * 2 > keys.length) {
            grow();
        }
        int mask = keys.length - 1;
        int slot = spread(key) & mask;
        while (keys[slot] != EMPTY && keys[slot] != key) {
            slot = (slot + 1) & mask;
        }
        if (keys[slot] == EMPTY) {
            keys[slot] = key;
            values[slot] = 0;
            size++;
        }
        return slot;
    }

    private void grow() {
        int[] oldKeys = keys;
        int[] oldValues = values;
        keys = new int[oldKeys.length * 2];
        values = new int[oldKeys.length * 2];
        Arrays.fill(keys, EMPTY);
        size = 0;
        for (int slot = 0; slot < oldKeys.length; slot++) {
            if (oldKeys[slot] != EMPTY) {
                int newSlot = slotFor(oldKeys[slot]);
                values[newSlot] = oldValues[slot];
            }
        }
    }

    private static int spread(int key) {
        int h = key * 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
