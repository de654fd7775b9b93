package org.opencac.service.db;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** SQL for batch jobs and their items. */
public class BatchStore {
    /** A batch job row. status: queued, running, completed, failed. */
    public record Job(String id, String submittedBy, String status, int total, Instant createdAt, Instant updatedAt,
                      String message) {
    }

    /** One note of a batch. status: queued, done, failed. The request (with the note text) is kept to resume. */
    public record Item(String jobId, int ordinal, String requestJson, String status, String noteId, String error) {
        @Override
        public String toString() {
            return "Item[" + jobId + "#" + ordinal + ", " + status + "]";
        }
    }

    public void insertJob(Handle h, String id, String user, int total, Instant now) {
        h.createUpdate("INSERT INTO batch_job (id, submitted_by, status, total, created_at, updated_at) "
                        + "VALUES (:id, :u, 'queued', :total, :t, :t)")
                .bind("id", id).bind("u", user).bind("total", total).bind("t", Timestamp.from(now)).execute();
    }

    public void insertItem(Handle h, String jobId, int ordinal, String requestJson) {
        h.createUpdate("INSERT INTO batch_item (job_id, ordinal, request_json, status) VALUES (:j, :o, :r, 'queued')")
                .bind("j", jobId).bind("o", ordinal).bind("r", requestJson).execute();
    }

    public void setJobStatus(Handle h, String id, String status, String message) {
        h.createUpdate("UPDATE batch_job SET status = :s, message = :m, updated_at = :t WHERE id = :id")
                .bind("s", status).bind("m", message).bind("t", Timestamp.from(Instant.now())).bind("id", id)
                .execute();
    }

    public void finishItem(Handle h, String jobId, int ordinal, String status, String noteId, String error) {
        h.createUpdate("UPDATE batch_item SET status = :s, note_id = :n, error = :e WHERE job_id = :j AND ordinal = :o")
                .bind("s", status).bind("n", noteId).bind("e", error).bind("j", jobId).bind("o", ordinal).execute();
    }

    public Optional<Job> findJob(Handle h, String id) {
        return h.createQuery("SELECT * FROM batch_job WHERE id = :id").bind("id", id)
                .map((rs, ctx) -> new Job(rs.getString("id"), rs.getString("submitted_by"), rs.getString("status"),
                        rs.getInt("total"), rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("updated_at").toInstant(), rs.getString("message")))
                .findOne();
    }

    public List<Item> items(Handle h, String jobId, boolean onlyQueued) {
        String filter = onlyQueued ? " AND status = 'queued'" : "";
        return h.createQuery("SELECT * FROM batch_item WHERE job_id = :j" + filter + " ORDER BY ordinal")
                .bind("j", jobId)
                .map((rs, ctx) -> new Item(rs.getString("job_id"), rs.getInt("ordinal"),
                        onlyQueued ? rs.getString("request_json") : null, rs.getString("status"),
                        rs.getString("note_id"), rs.getString("error")))
                .list();
    }

    /** Jobs a previous run accepted but did not finish. */
    public List<String> unfinishedJobIds(Handle h) {
        return h.createQuery("SELECT id FROM batch_job WHERE status IN ('queued', 'running') ORDER BY created_at")
                .mapTo(String.class).list();
    }
}
