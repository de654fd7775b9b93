package org.opencac.service.core;

import java.util.function.Supplier;

/** Builds a value once on first use; a failed build is retried on the next use. Thread-safe. */
public final class Memoized<T> implements Supplier<T> {
    private final Supplier<T> factory;
    private volatile T value;

    public Memoized(Supplier<T> factory) {
        this.factory = factory;
    }

    @Override
    public T get() {
        T current = value;
        if (current == null) {
            synchronized (this) {
                if (value == null) {
                    value = factory.get();
                }
                current = value;
            }
        }
        return current;
    }
}
