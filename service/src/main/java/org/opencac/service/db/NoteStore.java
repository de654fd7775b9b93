package org.opencac.service.db;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.opencac.core.model.CodeSuggestion;
import org.opencac.service.api.CodeRef;
import org.opencac.service.api.NoteView;
import org.opencac.service.api.ReviewedSuggestion;

/**
 * SQL for notes, their suggestions and the audit trail. Every method takes the caller's {@link Handle} so the
 * caller decides what runs in one transaction.
 */
public class NoteStore {
    /** Fields of a note row that are set once, when it is stored. */
    public record NewNote(String id, String createdBy, String idempotencyKey, String requestHash,
                          String externalEncounterId, String patientRef, String encounterType,
                          LocalDate dateOfService, String language, String text, String coderVersion) {
        @Override
        public String toString() {
            return "NewNote[" + id + "]";
        }
    }

    /** What the idempotency check needs to know about an earlier request. */
    public record KeyedNote(String id, String requestHash) {
    }

    /** A row of the worklist: no note text. */
    public record WorklistRow(String id, String externalEncounterId, String patientRef, String status, int version,
                              Instant createdAt, int suggestions, int pending) {
    }

    /** One append-only audit record. */
    public record AuditEvent(long id, String noteId, Integer suggestionId, String actor, String action,
                             Instant at, int noteVersion, String before, String after) {
    }

    private final ObjectMapper mapper;

    public NoteStore(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public Optional<KeyedNote> findByIdempotencyKey(Handle h, String createdBy, String key) {
        return h.createQuery("SELECT id, request_hash FROM note WHERE created_by = :u AND idempotency_key = :k")
                .bind("u", createdBy).bind("k", key)
                .map((rs, ctx) -> new KeyedNote(rs.getString("id"), rs.getString("request_hash")))
                .findOne();
    }

    public void insertNote(Handle h, NewNote note, Instant now) {
        h.createUpdate("INSERT INTO note (id, created_by, idempotency_key, request_hash, external_encounter_id, "
                        + "patient_ref, encounter_type, date_of_service, language, text, status, version, "
                        + "coder_version, created_at, updated_at) VALUES (:id, :createdBy, :idempotencyKey, "
                        + ":requestHash, :externalEncounterId, :patientRef, :encounterType, :dateOfService, "
                        + ":language, :text, 'new', 1, :coderVersion, :now, :now)")
                .bindMethods(note)
                .bind("now", Timestamp.from(now))
                .execute();
    }

    public void insertSuggestion(Handle h, String noteId, int ordinal, CodeSuggestion suggestion, String origin,
                                 String decision, String reason, String decidedBy, Instant decidedAt) {
        h.createUpdate("INSERT INTO suggestion (note_id, ordinal, code_system, code, confidence, suggestion_json, "
                        + "origin, decision, reason, decided_by, decided_at) VALUES (:noteId, :ordinal, :system, "
                        + ":code, :confidence, :json, :origin, :decision, :reason, :decidedBy, :decidedAt)")
                .bind("noteId", noteId).bind("ordinal", ordinal).bind("system", suggestion.system())
                .bind("code", suggestion.code()).bind("confidence", suggestion.confidence())
                .bind("json", toJson(suggestion)).bind("origin", origin).bind("decision", decision)
                .bind("reason", reason).bind("decidedBy", decidedBy)
                .bind("decidedAt", decidedAt == null ? null : Timestamp.from(decidedAt))
                .execute();
    }

    /**
     * Inserts an engine's suggestions as pending, ordinals 1..n, in one JDBC batch: one prepared statement for
     * the whole list instead of one per suggestion (a typical note has a dozen or more).
     */
    public void insertPendingSuggestions(Handle h, String noteId, List<CodeSuggestion> suggestions) {
        if (suggestions.isEmpty()) {
            return;
        }
        PreparedBatch batch = h.prepareBatch("INSERT INTO suggestion (note_id, ordinal, code_system, code, "
                + "confidence, suggestion_json, origin, decision) VALUES (:noteId, :ordinal, :system, :code, "
                + ":confidence, :json, 'engine', 'pending')");
        int ordinal = 1;
        for (CodeSuggestion suggestion : suggestions) {
            batch.bind("noteId", noteId).bind("ordinal", ordinal++).bind("system", suggestion.system())
                    .bind("code", suggestion.code()).bind("confidence", suggestion.confidence())
                    .bind("json", toJson(suggestion)).add();
        }
        batch.execute();
    }

    public int nextOrdinal(Handle h, String noteId) {
        return h.createQuery("SELECT COALESCE(MAX(ordinal), 0) + 1 FROM suggestion WHERE note_id = :n")
                .bind("n", noteId).mapTo(Integer.class).one();
    }

    public void recordDecision(Handle h, String noteId, int ordinal, String decision, String reason,
                               CodeRef replacement, String decidedBy, Instant at) {
        h.createUpdate("UPDATE suggestion SET decision = :d, reason = :r, replacement_system = :rs, "
                        + "replacement_code = :rc, decided_by = :by, decided_at = :at "
                        + "WHERE note_id = :n AND ordinal = :o")
                .bind("d", decision).bind("r", reason)
                .bind("rs", replacement == null ? null : replacement.system())
                .bind("rc", replacement == null ? null : replacement.code())
                .bind("by", decidedBy).bind("at", Timestamp.from(at)).bind("n", noteId).bind("o", ordinal)
                .execute();
    }

    /**
     * Moves the note from {@code expectedVersion} to the next version and the given status. Returns false when
     * someone else changed it first (the caller answers 409); nothing is overwritten then.
     */
    public boolean bumpVersion(Handle h, String noteId, int expectedVersion, String status, Instant now) {
        return h.createUpdate("UPDATE note SET version = version + 1, status = :s, updated_at = :t "
                        + "WHERE id = :id AND version = :v")
                .bind("s", status).bind("t", Timestamp.from(now)).bind("id", noteId).bind("v", expectedVersion)
                .execute() == 1;
    }

    public void markFinalized(Handle h, String noteId, String by, Instant at) {
        h.createUpdate("UPDATE note SET finalized_by = :by, finalized_at = :at WHERE id = :id")
                .bind("by", by).bind("at", Timestamp.from(at)).bind("id", noteId).execute();
    }

    public void appendAudit(Handle h, String noteId, Integer ordinal, String actor, String action, Instant at,
                            int noteVersion, Object before, Object after) {
        h.createUpdate("INSERT INTO audit_event (note_id, suggestion_ordinal, actor, action, occurred_at, "
                        + "note_version, before_json, after_json) VALUES (:n, :o, :a, :act, :t, :v, :b, :af)")
                .bind("n", noteId).bind("o", ordinal).bind("a", actor).bind("act", action)
                .bind("t", Timestamp.from(at)).bind("v", noteVersion)
                .bind("b", before == null ? null : toJson(before)).bind("af", after == null ? null : toJson(after))
                .execute();
    }

    public Optional<NoteView> find(Handle h, String id) {
        Optional<NoteView> note = h.createQuery("SELECT * FROM note WHERE id = :id").bind("id", id)
                .map((rs, ctx) -> noteView(rs, List.of())).findOne();
        return note.map(n -> withSuggestions(n, suggestions(h, id)));
    }

    public List<ReviewedSuggestion> suggestions(Handle h, String noteId) {
        return h.createQuery("SELECT * FROM suggestion WHERE note_id = :n ORDER BY ordinal")
                .bind("n", noteId).map((rs, ctx) -> reviewedSuggestion(rs)).list();
    }

    public List<WorklistRow> worklist(Handle h, String status, int offset, int limit) {
        String where = status == null ? "" : "WHERE n.status = :status ";
        return h.createQuery("SELECT n.id, n.external_encounter_id, n.patient_ref, n.status, n.version, "
                        + "n.created_at, (SELECT COUNT(*) FROM suggestion s WHERE s.note_id = n.id) AS total, "
                        + "(SELECT COUNT(*) FROM suggestion s WHERE s.note_id = n.id AND s.decision = 'pending') "
                        + "AS pending FROM note n " + where
                        + "ORDER BY n.created_at, n.id LIMIT :limit OFFSET :offset")
                .bind("status", status).bind("limit", limit).bind("offset", offset)
                .map((rs, ctx) -> new WorklistRow(rs.getString("id"), rs.getString("external_encounter_id"),
                        rs.getString("patient_ref"), rs.getString("status"), rs.getInt("version"),
                        instant(rs, "created_at"), rs.getInt("total"), rs.getInt("pending")))
                .list();
    }

    public long countNotes(Handle h, String status) {
        String where = status == null ? "" : " WHERE status = :status";
        return h.createQuery("SELECT COUNT(*) FROM note" + where).bind("status", status).mapTo(Long.class).one();
    }

    public List<AuditEvent> audit(Handle h, String noteId, int offset, int limit) {
        String where = noteId == null ? "" : "WHERE note_id = :n ";
        return h.createQuery("SELECT * FROM audit_event " + where + "ORDER BY id LIMIT :limit OFFSET :offset")
                .bind("n", noteId).bind("limit", limit).bind("offset", offset)
                .map((rs, ctx) -> new AuditEvent(rs.getLong("id"), rs.getString("note_id"),
                        rs.getObject("suggestion_ordinal", Integer.class), rs.getString("actor"),
                        rs.getString("action"), instant(rs, "occurred_at"), rs.getInt("note_version"),
                        rs.getString("before_json"), rs.getString("after_json")))
                .list();
    }

    /**
     * Decision counts of engine suggestions grouped by code or by pipeline version ({@code groupBy} is "code" or
     * "version"; fixed SQL fragments, never user text).
     */
    public List<Map<String, Object>> decisionCounts(Handle h, boolean byVersion) {
        String group = byVersion ? "n.coder_version" : "s.code_system, s.code";
        String select = byVersion ? "n.coder_version AS coder_version" : "s.code_system AS code_system, s.code AS code";
        return h.createQuery("SELECT " + select + ", "
                        + "SUM(CASE WHEN s.decision = 'accepted' THEN 1 ELSE 0 END) AS accepted, "
                        + "SUM(CASE WHEN s.decision = 'rejected' THEN 1 ELSE 0 END) AS rejected, "
                        + "SUM(CASE WHEN s.decision = 'replaced' THEN 1 ELSE 0 END) AS replaced, "
                        + "SUM(CASE WHEN s.decision = 'pending' THEN 1 ELSE 0 END) AS pending "
                        + "FROM suggestion s JOIN note n ON n.id = s.note_id WHERE s.origin = 'engine' "
                        + "GROUP BY " + group + " ORDER BY " + group)
                .mapToMap().list();
    }

    /** Every decided suggestion with the note's metadata (no note text), oldest first, for the export. */
    public void forEachDecision(Handle h, java.util.function.Consumer<Map<String, Object>> consumer) {
        try (var stream = h.createQuery("SELECT n.id AS note_id, n.coder_version, n.encounter_type, n.language, "
                        + "n.date_of_service, n.status AS note_status, s.ordinal, s.origin, s.decision, s.reason, "
                        + "s.replacement_system, s.replacement_code, s.decided_by, s.decided_at, s.suggestion_json "
                        + "FROM suggestion s JOIN note n ON n.id = s.note_id WHERE s.decision <> 'pending' "
                        + "ORDER BY s.decided_at, n.id, s.ordinal")
                .map((rs, ctx) -> {
                    // Column names in lower case on every database; CLOBs read as strings.
                    Map<String, Object> row = new java.util.LinkedHashMap<>();
                    var meta = rs.getMetaData();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        String name = meta.getColumnLabel(i).toLowerCase(java.util.Locale.ROOT);
                        row.put(name, name.equals("suggestion_json") ? rs.getString(i) : rs.getObject(i));
                    }
                    return row;
                }).stream()) {
            stream.forEach(consumer);
        }
    }

    private NoteView noteView(ResultSet rs, List<ReviewedSuggestion> suggestions) throws SQLException {
        java.sql.Date date = rs.getDate("date_of_service");
        return new NoteView(rs.getString("id"), rs.getString("external_encounter_id"), rs.getString("patient_ref"),
                rs.getString("encounter_type"), date == null ? null : date.toLocalDate(), rs.getString("language"),
                rs.getString("text"), rs.getString("status"), rs.getInt("version"), rs.getString("coder_version"),
                instant(rs, "created_at"), rs.getString("finalized_by"), instant(rs, "finalized_at"), suggestions);
    }

    private static NoteView withSuggestions(NoteView n, List<ReviewedSuggestion> suggestions) {
        return new NoteView(n.id(), n.externalEncounterId(), n.patientRef(), n.encounterType(), n.dateOfService(),
                n.language(), n.text(), n.status(), n.version(), n.coderVersion(), n.createdAt(), n.finalizedBy(),
                n.finalizedAt(), suggestions);
    }

    private ReviewedSuggestion reviewedSuggestion(ResultSet rs) throws SQLException {
        CodeSuggestion suggestion = fromJson(rs.getString("suggestion_json"));
        String replacementSystem = rs.getString("replacement_system");
        CodeRef replacement = replacementSystem == null ? null
                : new CodeRef(replacementSystem, rs.getString("replacement_code"));
        ReviewedSuggestion.Decision decision = new ReviewedSuggestion.Decision(rs.getString("decision"),
                rs.getString("reason"), replacement, rs.getString("decided_by"), instant(rs, "decided_at"));
        return new ReviewedSuggestion(rs.getInt("ordinal"), suggestion, rs.getString("origin"), decision);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    public String toJson(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    public CodeSuggestion fromJson(String json) {
        try {
            return mapper.readValue(json, CodeSuggestion.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored suggestion is not readable", e);
        }
    }
}
