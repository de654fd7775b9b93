package org.opencac.dictionaries.match;

/**
 * A minimal open-addressing map from long keys to values, so the matcher's hot loop looks up phrase hashes
 * without boxing. Filled once while building, then only read (safe to share once published).
 */
final class LongObjectMap<V> {

    private long[] keys;
    private Object[] values;
    private int size;

    LongObjectMap(int expectedSize) {
        int capacity = Integer.highestOneBit(Math.max(4, expectedSize * 2) - 1) << 1;
        keys = new long[capacity];
        values = new Object[capacity];
    }

    @SuppressWarnings("unchecked")
    V get(long key) {
        int mask = keys.length - 1;
        int slot = spread(key) & mask;
        while (values[slot] != null) {
            if (keys[slot] == key) {
                return (V) values[slot];
            }
            slot = (slot + 1) & mask;
        }
        return null;
    }

    void put(long key, V value) {
        if ((size + 1) * 2 > keys.length) {
            grow();
        }
        int mask = keys.length - 1;
        int slot = spread(key) & mask;
        while (values[slot] != null) {
            if (keys[slot] == key) {
                values[slot] = value;
                return;
            }
            slot = (slot + 1) & mask;
        }
        keys[slot] = key;
        values[slot] = value;
        size++;
    }

    int size() {
        return size;
    }

    private void grow() {
        long[] oldKeys = keys;
        Object[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new Object[oldKeys.length * 2];
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldValues[i] != null) {
                @SuppressWarnings("unchecked")
                V value = (V) oldValues[i];
                put(oldKeys[i], value);
            }
        }
    }

    private static int spread(long key) {
        return (int) (key ^ (key >>> 32)) * 0x9E3779B9;
    }
}
