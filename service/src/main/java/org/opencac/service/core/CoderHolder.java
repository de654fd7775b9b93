package org.opencac.service.core;

import io.dropwizard.lifecycle.Managed;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.opencac.core.NoteCoder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the coding engine in the background at start-up (it takes seconds), so the server, the review of
 * stored notes and the health checks are available meanwhile. Coding requests get 503 until it is loaded.
 */
public class CoderHolder implements Managed {
    private static final Logger LOG = LoggerFactory.getLogger(CoderHolder.class);

    private final Supplier<NoteCoder> factory;
    private final AtomicReference<NoteCoder> coder = new AtomicReference<>();
    private final AtomicReference<String> failure = new AtomicReference<>();
    private Thread loader;

    public CoderHolder(Supplier<NoteCoder> factory) {
        this.factory = factory;
    }

    @Override
    public void start() {
        loader = new Thread(this::load, "coder-loader");
        loader.setDaemon(true);
        loader.start();
    }

    /** Loads now, in the caller's thread (tests, and start-up when waiting is wanted). */
    public void load() {
        try {
            NoteCoder loaded = factory.get();
            // Loading leaves hundreds of MB of garbage (index building) beside the engine. Collect it now, before
            // coding requests are admitted: left to G1, it goes in mixed collections of 40-80 ms under traffic.
            System.gc();
            coder.set(loaded);
            LOG.info("Coding engine loaded: {}", loaded.version());
        } catch (RuntimeException e) {
            failure.set(e.getClass().getSimpleName() + ": " + e.getMessage());
            LOG.error("Coding engine failed to load", e);
        }
    }

    /** Waits for the background load (tests and batch workers). */
    public void awaitLoaded(long millis) throws InterruptedException {
        Thread t = loader;
        if (t != null) {
            t.join(millis);
        }
    }

    public NoteCoder require() {
        NoteCoder current = coder.get();
        if (current == null) {
            String why = failure.get();
            throw ApiException.unavailable(why == null ? "The coding engine is still loading; retry shortly"
                    : "The coding engine failed to load; see the service log");
        }
        return current;
    }

    public boolean isLoaded() {
        return coder.get() != null;
    }

    public String failure() {
        return failure.get();
    }
}
