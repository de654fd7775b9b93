package org.opencac.service.support;

import org.opencac.service.CacApplication;

/** The application wired with the test doubles instead of the real engine and dictionaries. */
public class TestCacApplication extends CacApplication {
    public TestCacApplication() {
        super(FakeNoteCoder::new, new FakeCodeValidator(), new FakeVocabulary());
    }
}
