package org.opencac.nlp.onnx;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Creates the ONNX Runtime environment and sessions on a thread with a large stack. Creating the environment
 * recurses deeply inside the native library (about 12,000 frames, more with a longer process command line); on a
 * thread with the JVM's default 1 MB stack that ran off the stack and killed the process with SIGSEGV (seen with
 * `./cac code` on a few hundred files). So neither runs on the caller's thread.
 */
public final class OnnxSessions {
    private static final long LOADER_STACK_BYTES = 64L << 20;

    private OnnxSessions() {
    }

    /** Set once: every model call asks for the environment, and starting a loader thread each time cost more
     * than scoring a note (and serialised the threads on this class's lock). */
    private static volatile OrtEnvironment environment;

    /** The process-wide ONNX Runtime environment, created on a large stack the first time. */
    public static OrtEnvironment environment() {
        OrtEnvironment created = environment;
        if (created != null) {
            return created;
        }
        synchronized (OnnxSessions.class) {
            if (environment == null) {
                try {
                    environment = onLargeStack(OrtEnvironment::getEnvironment);
                } catch (OrtException e) {
                    throw new IllegalStateException("cannot create the ONNX Runtime environment", e);
                }
            }
            return environment;
        }
    }

    public static OrtSession create(OrtEnvironment environment, byte[] model) throws OrtException {
        return onLargeStack(() -> {
            try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
                // The pipeline already runs one note per thread; ONNX Runtime's own thread pool on top of that
                // only adds hand-offs and contention for the same cores.
                options.setIntraOpNumThreads(1);
                options.setInterOpNumThreads(1);
                return environment.createSession(model, options);
            }
        });
    }

    /** Native work that may recurse deeply. */
    private interface OrtCall<T> {
        T call() throws OrtException;
    }

    /** Loader threads started so far (for tests). */
    static final java.util.concurrent.atomic.AtomicInteger LOADER_THREADS = new java.util.concurrent.atomic.AtomicInteger();

    private static <T> T onLargeStack(OrtCall<T> call) throws OrtException {
        LOADER_THREADS.incrementAndGet();
        AtomicReference<T> session = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread loader = new Thread(null, () -> {
            try {
                session.set(call.call());
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "onnx-loader", LOADER_STACK_BYTES);
        loader.start();
        try {
            loader.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading an ONNX model", e);
        }
        Throwable error = failure.get();
        if (error instanceof OrtException ortException) {
            throw ortException;
        }
        if (error instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (error != null) {
            throw new IllegalStateException("cannot load ONNX model", error);
        }
        return session.get();
    }
}
