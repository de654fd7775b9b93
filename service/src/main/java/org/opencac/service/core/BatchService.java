package org.opencac.service.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.lifecycle.Managed;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.opencac.service.api.BatchSubmission;
import org.opencac.service.api.NoteSubmission;
import org.opencac.service.db.BatchStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asynchronous coding of many notes. A job and its notes are stored before the 202 answer; one worker thread
 * codes them in order. Each note is stored under the idempotency key {@code batch:<job>:<n>}, so a restart
 * resumes unfinished jobs without storing any note twice.
 */
public class BatchService implements Managed {
    private static final Logger LOG = LoggerFactory.getLogger(BatchService.class);
    private static final long CODER_WAIT_MILLIS = 10 * 60 * 1000L;

    private final Jdbi jdbi;
    private final BatchStore store;
    private final ReviewService review;
    private final CoderHolder coder;
    private final ObjectMapper mapper;
    private final int maxBatchNotes;
    private ExecutorService worker;

    public BatchService(Jdbi jdbi, BatchStore store, ReviewService review, CoderHolder coder, ObjectMapper mapper,
                        int maxBatchNotes) {
        this.jdbi = jdbi;
        this.store = store;
        this.review = review;
        this.coder = coder;
        this.mapper = mapper;
        this.maxBatchNotes = maxBatchNotes;
    }

    @Override
    public void start() {
        worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "batch-worker");
            t.setDaemon(true);
            return t;
        });
        List<String> unfinished = jdbi.withHandle(store::unfinishedJobIds);
        if (!unfinished.isEmpty()) {
            LOG.info("Resuming {} unfinished batch job(s)", unfinished.size());
        }
        unfinished.forEach(id -> worker.submit(() -> run(id)));
    }

    @Override
    public void stop() throws InterruptedException {
        worker.shutdownNow();
        worker.awaitTermination(30, TimeUnit.SECONDS);
    }

    /** Validates every note, stores the job (all or nothing) and queues it. Returns the job id. */
    public String submit(String user, BatchSubmission batch) {
        if (batch == null || batch.notes() == null || batch.notes().isEmpty()) {
            throw ApiException.unprocessable("notes must be a non-empty array of notes");
        }
        if (batch.notes().size() > maxBatchNotes) {
            throw ApiException.tooLarge("A batch may hold at most " + maxBatchNotes + " notes");
        }
        List<NoteSubmission> notes = batch.notes();
        for (int i = 0; i < notes.size(); i++) {
            review.checkSubmission("notes[" + i + "].text", notes.get(i));
        }
        String id = UUID.randomUUID().toString();
        jdbi.useTransaction(h -> {
            store.insertJob(h, id, user, notes.size(), Instant.now());
            for (int i = 0; i < notes.size(); i++) {
                store.insertItem(h, id, i, toJson(notes.get(i)));
            }
        });
        worker.submit(() -> run(id));
        return id;
    }

    /** The job's status and, per note, its outcome (no note text). */
    public Map<String, Object> status(String id) {
        return jdbi.withHandle(h -> {
            BatchStore.Job job = store.findJob(h, id)
                    .orElseThrow(() -> ApiException.notFound("No batch job with id " + id));
            List<BatchStore.Item> items = store.items(h, id, false);
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("id", job.id());
            view.put("status", job.status());
            view.put("total", job.total());
            view.put("done", items.stream().filter(i -> i.status().equals("done")).count());
            view.put("failed", items.stream().filter(i -> i.status().equals("failed")).count());
            view.put("queued", items.stream().filter(i -> i.status().equals("queued")).count());
            view.put("submittedBy", job.submittedBy());
            view.put("createdAt", job.createdAt());
            view.put("updatedAt", job.updatedAt());
            if (job.message() != null) {
                view.put("message", job.message());
            }
            view.put("items", items.stream().map(i -> {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("index", i.ordinal());
                item.put("status", i.status());
                if (i.noteId() != null) {
                    item.put("noteId", i.noteId());
                }
                if (i.error() != null) {
                    item.put("error", i.error());
                }
                return item;
            }).toList());
            return view;
        });
    }

    /** Codes the job's queued notes; safe to run again after a crash. */
    void run(String jobId) {
        try {
            coder.awaitLoaded(CODER_WAIT_MILLIS);
            if (!coder.isLoaded()) {
                jdbi.useHandle(h -> store.setJobStatus(h, jobId, "failed",
                        "The coding engine is not available; resubmit the batch"));
                return;
            }
            BatchStore.Job job = jdbi.withHandle(h -> store.findJob(h, jobId)).orElseThrow();
            jdbi.useHandle(h -> store.setJobStatus(h, jobId, "running", null));
            for (BatchStore.Item item : jdbi.withHandle(h -> store.items(h, jobId, true))) {
                if (Thread.currentThread().isInterrupted()) {
                    return; // shutting down: the job stays "running" and is resumed at the next start
                }
                codeItem(job, item);
            }
            long failed = jdbi.withHandle(h -> store.items(h, jobId, false)).stream()
                    .filter(i -> i.status().equals("failed")).count();
            jdbi.useHandle(h -> store.setJobStatus(h, jobId, "completed",
                    failed == 0 ? null : failed + " note(s) failed; see items"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("Batch job {} failed: {}", jobId, e.getClass().getName());
            jdbi.useHandle(h -> store.setJobStatus(h, jobId, "failed", "Internal error; see the service log"));
        }
    }

    private void codeItem(BatchStore.Job job, BatchStore.Item item) {
        try {
            NoteSubmission note = mapper.readValue(item.requestJson(), NoteSubmission.class);
            String key = "batch:" + job.id() + ":" + item.ordinal();
            ReviewService.Submitted stored = review.submit(job.submittedBy(), key, note);
            jdbi.useHandle(h -> store.finishItem(h, job.id(), item.ordinal(), "done", stored.note().id(), null));
        } catch (ApiException e) {
            String message = e.getMessage();
            jdbi.useHandle(h -> store.finishItem(h, job.id(), item.ordinal(), "failed", null, message));
        } catch (JsonProcessingException e) {
            jdbi.useHandle(h -> store.finishItem(h, job.id(), item.ordinal(), "failed", null,
                    "Stored request is unreadable"));
        }
    }

    private String toJson(NoteSubmission note) {
        try {
            return mapper.writeValueAsString(note);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise a note submission", e);
        }
    }
}
