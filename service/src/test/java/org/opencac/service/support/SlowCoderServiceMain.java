package org.opencac.service.support;

import org.opencac.core.CodingResult;
import org.opencac.core.NoteCoder;
import org.opencac.core.model.Note;
import org.opencac.service.CacApplication;

/**
 * The real service binary with the deterministic {@link FakeNoteCoder}, slowed down so a batch takes long enough to
 * be killed in the middle: {@code java -cp <test class path> org.opencac.service.support.SlowCoderServiceMain server
 * config.yml}. The delay per note in milliseconds comes from the system property {@code cac.test.coderDelayMillis}.
 */
public final class SlowCoderServiceMain {
    private SlowCoderServiceMain() {
    }

    public static void main(String[] args) throws Exception {
        long delay = Long.getLong("cac.test.coderDelayMillis", 100);
        new CacApplication(() -> new SlowCoder(new FakeNoteCoder(), delay), new FakeCodeValidator(),
                new FakeVocabulary()).run(args);
    }

    /** Delegates after a fixed pause. */
    static final class SlowCoder implements NoteCoder {
        private final NoteCoder delegate;
        private final long delayMillis;

        SlowCoder(NoteCoder delegate, long delayMillis) {
            this.delegate = delegate;
            this.delayMillis = delayMillis;
        }

        @Override
        public CodingResult code(Note note) {
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while coding");
            }
            return delegate.code(note);
        }

        @Override
        public String version() {
            return delegate.version();
        }
    }
}
