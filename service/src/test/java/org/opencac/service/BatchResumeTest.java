package org.opencac.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.jackson.Jackson;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opencac.core.model.EncounterType;
import org.opencac.core.model.Language;
import org.opencac.service.api.NoteSubmission;
import org.opencac.service.core.BatchService;
import org.opencac.service.core.CoderHolder;
import org.opencac.service.core.ReviewService;
import org.opencac.service.db.BatchStore;
import org.opencac.service.db.NoteStore;
import org.opencac.service.support.FakeCodeValidator;
import org.opencac.service.support.FakeNoteCoder;
import org.opencac.service.support.RunningService;

/**
 * A batch job left unfinished by a previous run (as after a crash) is resumed when the batch service starts,
 * without coding any note twice; if the engine cannot load, the job is marked failed with a clear message.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BatchResumeTest {
    private RunningService service;
    private final ObjectMapper mapper = Jackson.newObjectMapper();

    @BeforeAll
    void start() throws Exception {
        service = RunningService.onFreshH2(); // for the schema
    }

    @AfterAll
    void stop() {
        service.close();
    }

    private String insertUnfinishedJob(Jdbi jdbi, List<NoteSubmission> notes) throws Exception {
        String jobId = UUID.randomUUID().toString();
        BatchStore store = new BatchStore();
        jdbi.useHandle(h -> {
            store.insertJob(h, jobId, RunningService.INTEGRATION, notes.size(), Instant.now());
            store.setJobStatus(h, jobId, "running", null);
        });
        for (int i = 0; i < notes.size(); i++) {
            String json = mapper.writeValueAsString(notes.get(i));
            int ordinal = i;
            jdbi.useHandle(h -> store.insertItem(h, jobId, ordinal, json));
        }
        return jobId;
    }

    private static NoteSubmission note(String text) {
        return new NoteSubmission(text, null, null, EncounterType.OUTPATIENT, null, Language.EN);
    }

    private BatchService batchService(Jdbi jdbi, CoderHolder coder) {
        ReviewService review = new ReviewService(jdbi, new NoteStore(mapper), coder, new FakeCodeValidator(),
                1024 * 1024);
        return new BatchService(jdbi, new BatchStore(), review, coder, mapper, 100);
    }

    private Map<String, Object> awaitEnd(BatchService batches, String jobId) throws InterruptedException {
        Map<String, Object> status = null;
        for (int attempt = 0; attempt < 300; attempt++) {
            status = batches.status(jobId);
            if (!status.get("status").equals("running") && !status.get("status").equals("queued")) {
                return status;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("job did not end: " + status);
    }

    @Test
    void unfinishedJobIsResumedWithoutDuplicates() throws Exception {
        Jdbi jdbi = service.jdbi();
        String jobId = insertUnfinishedJob(jdbi, List.of(note("essential hypertension"), note("chest pain"),
                note("type 2 diabetes")));
        CoderHolder coder = new CoderHolder(FakeNoteCoder::new);
        coder.load();
        BatchService batches = batchService(jdbi, coder);
        // The crash happened after note #1 was stored but before its item was marked done.
        ReviewService review = new ReviewService(jdbi, new NoteStore(mapper), coder, new FakeCodeValidator(),
                1024 * 1024);
        String storedBeforeCrash = review.submit(RunningService.INTEGRATION, "batch:" + jobId + ":1",
                note("chest pain")).note().id();

        batches.start();
        try {
            Map<String, Object> status = awaitEnd(batches, jobId);
            assertEquals("completed", status.get("status"), status.toString());
            assertEquals(3L, status.get("done"));
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> items = (List<Map<String, Object>>) status.get("items");
            assertEquals(storedBeforeCrash, items.get(1).get("noteId"));
            long notesOfJob = jdbi.withHandle(h -> h.createQuery(
                    "SELECT COUNT(*) FROM note WHERE idempotency_key LIKE :k").bind("k", "batch:" + jobId + ":%")
                    .mapTo(Long.class).one());
            assertEquals(3, notesOfJob);
        } finally {
            batches.stop();
        }
    }

    @Test
    void unfinishedJobFailsClearlyWhenTheEngineCannotLoad() throws Exception {
        Jdbi jdbi = service.jdbi();
        String jobId = insertUnfinishedJob(jdbi, List.of(note("essential hypertension")));
        CoderHolder broken = new CoderHolder(() -> {
            throw new IllegalStateException("model files missing");
        });
        broken.load();
        BatchService batches = batchService(jdbi, broken);
        batches.start();
        try {
            Map<String, Object> status = awaitEnd(batches, jobId);
            assertEquals("failed", status.get("status"));
            assertTrue(String.valueOf(status.get("message")).contains("coding engine is not available"));
        } finally {
            batches.stop();
        }
    }

    @Test
    void jobTimestampsAreStored() {
        // Guards the schema the resume relies on: unfinished jobs are found by status.
        Jdbi jdbi = service.jdbi();
        String id = UUID.randomUUID().toString();
        jdbi.useHandle(h -> new BatchStore().insertJob(h, id, "x", 1, Instant.parse("2020-01-01T00:00:00Z")));
        Timestamp created = jdbi.withHandle(h -> h.createQuery("SELECT created_at FROM batch_job WHERE id = :id")
                .bind("id", id).mapTo(Timestamp.class).one());
        assertEquals(Instant.parse("2020-01-01T00:00:00Z"), created.toInstant());
        assertTrue(jdbi.withHandle(h -> new BatchStore().unfinishedJobIds(h)).contains(id));
    }
}
