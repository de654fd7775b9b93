package org.opencac.service.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.opencac.core.CodingResult;
import org.opencac.core.NoteCoder;
import org.opencac.core.model.Assertion;
import org.opencac.core.model.CodeSuggestion;
import org.opencac.core.model.EncounterType;
import org.opencac.core.model.Evidence;
import org.opencac.core.model.Language;
import org.opencac.core.model.Note;
import org.opencac.dictionaries.CodeSystem;
import org.opencac.service.api.AddCodeRequest;
import org.opencac.service.api.CodeRef;
import org.opencac.service.api.DecisionRequest;
import org.opencac.service.api.NoteSubmission;
import org.opencac.service.api.NoteView;
import org.opencac.service.api.ReviewedSuggestion;
import org.opencac.service.db.NoteStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Coding a submitted note and the coder's review of it: decisions, added codes, finalization. Every change is
 * one transaction that moves the note to its next version and appends to the audit trail, or changes nothing.
 */
public class ReviewService {
    private static final Logger LOG = LoggerFactory.getLogger(ReviewService.class);
    private static final Set<String> ACTIONS = Set.of("accept", "reject", "replace");
    private static final int MAX_KEY_LENGTH = 255;
    private static final int MAX_REASON_LENGTH = 1000;

    /** The stored note, and whether it was stored by an earlier request with the same idempotency key. */
    public record Submitted(NoteView note, boolean replay) {
    }

    private final Jdbi jdbi;
    private final NoteStore store;
    private final CoderHolder coder;
    private final CodeValidator validator;
    private final int maxNoteBytes;

    public ReviewService(Jdbi jdbi, NoteStore store, CoderHolder coder, CodeValidator validator, int maxNoteBytes) {
        this.jdbi = jdbi;
        this.store = store;
        this.coder = coder;
        this.validator = validator;
        this.maxNoteBytes = maxNoteBytes;
    }

    /** Checks a submission without storing anything; {@code field} names it in messages ("notes[3].text"). */
    public void checkSubmission(String field, NoteSubmission submission) {
        if (submission == null) {
            throw ApiException.unprocessable("A JSON object with a \"text\" field is required");
        }
        NoteTextRules.check(field, submission.text(), maxNoteBytes);
        checkLength("externalEncounterId", submission.externalEncounterId(), 255);
        checkLength("patientRef", submission.patientRef(), 255);
    }

    public Submitted submit(String user, String idempotencyKey, NoteSubmission submission) {
        checkSubmission("text", submission);
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > MAX_KEY_LENGTH)) {
            throw ApiException.badRequest("Idempotency-Key must be 1 to " + MAX_KEY_LENGTH + " characters");
        }
        NoteSubmission normalized = normalize(submission);
        String requestHash = sha256(store.toJson(normalized));
        if (idempotencyKey != null) {
            Optional<Submitted> earlier = earlierRequest(user, idempotencyKey, requestHash);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }

        NoteCoder engine = coder.require();
        String id = UUID.randomUUID().toString();
        Note note = new Note(id, normalized.text(), normalized.encounterType(), normalized.dateOfService(),
                normalized.language());
        CodingResult result;
        try {
            result = engine.code(note);
        } catch (RuntimeException e) {
            // The exception message may quote the note: log only its type.
            LOG.error("Coding failed for note {}: {}", id, e.getClass().getName());
            throw new ApiException(500, "The coding engine failed on this note (note " + id + " was not stored)");
        }

        NoteStore.NewNote row = new NoteStore.NewNote(id, user, idempotencyKey, requestHash,
                normalized.externalEncounterId(), normalized.patientRef(), normalized.encounterType().code(),
                normalized.dateOfService(), normalized.language().code(), normalized.text(), engine.version());
        // Microseconds: what a TIMESTAMP column keeps (H2 and PostgreSQL), so the answer built below from memory
        // shows the same instant a later GET reads back.
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        List<ReviewedSuggestion> stored = new ArrayList<>();
        try {
            jdbi.useTransaction(h -> {
                stored.clear();
                store.insertNote(h, row, now);
                store.insertPendingSuggestions(h, id, result.suggestions());
                List<Map<String, Object>> summary = new ArrayList<>();
                int ordinal = 1;
                for (CodeSuggestion s : result.suggestions()) {
                    stored.add(new ReviewedSuggestion(ordinal, s, "engine",
                            new ReviewedSuggestion.Decision("pending", null, null, null, null)));
                    summary.add(Map.of("id", ordinal, "system", s.system(), "code", s.code(),
                            "confidence", s.confidence()));
                    ordinal++;
                }
                store.appendAudit(h, id, null, user, "created", now, 1, null,
                        Map.of("coderVersion", engine.version(), "suggestions", summary));
            });
        } catch (RuntimeException e) {
            // A concurrent retry with the same key may have won the unique constraint: answer as that one did.
            if (idempotencyKey != null) {
                Optional<Submitted> earlier = earlierRequest(user, idempotencyKey, requestHash);
                if (earlier.isPresent()) {
                    return earlier.get();
                }
            }
            throw e;
        }
        // The answer is what was just committed, built from memory: reading the note and every suggestion back
        // (and parsing each suggestion's JSON again) cost about as much as storing them.
        NoteView view = new NoteView(id, row.externalEncounterId(), row.patientRef(), row.encounterType(),
                row.dateOfService(), row.language(), row.text(), "new", 1, row.coderVersion(), now, null, null,
                List.copyOf(stored));
        return new Submitted(view, false);
    }

    private Optional<Submitted> earlierRequest(String user, String key, String requestHash) {
        return jdbi.withHandle(h -> store.findByIdempotencyKey(h, user, key)).map(earlier -> {
            if (!earlier.requestHash().equals(requestHash)) {
                throw ApiException.unprocessable("Idempotency-Key was already used for a different request "
                        + "(note " + earlier.id() + "); use a new key for a new note");
            }
            return new Submitted(get(earlier.id()), true);
        });
    }

    public NoteView get(String noteId) {
        return jdbi.withHandle(h -> store.find(h, noteId))
                .orElseThrow(() -> ApiException.notFound("No note with id " + noteId));
    }

    /** The note's audit trail, oldest first. */
    public List<NoteStore.AuditEvent> audit(String noteId) {
        return jdbi.withHandle(h -> {
            if (store.find(h, noteId).isEmpty()) {
                throw ApiException.notFound("No note with id " + noteId);
            }
            return store.audit(h, noteId, 0, Integer.MAX_VALUE);
        });
    }

    public NoteView decide(String user, String noteId, int suggestionId, DecisionRequest request) {
        if (request == null || request.action() == null) {
            throw ApiException.unprocessable("action is required: accept, reject or replace");
        }
        String action = request.action().toLowerCase(Locale.ROOT);
        if (!ACTIONS.contains(action)) {
            throw ApiException.unprocessable("Unknown action '" + request.action()
                    + "': use accept, reject or replace");
        }
        int version = requireVersion(request.version());
        String reason = trimToNull(request.reason());
        checkLength("reason", reason, MAX_REASON_LENGTH);
        if (!action.equals("accept") && reason == null) {
            throw ApiException.unprocessable("A reason is required to " + action + " a suggestion");
        }
        if (action.equals("replace") && request.replacement() == null) {
            throw ApiException.unprocessable("replacement {\"system\",\"code\"} is required to replace a suggestion");
        }
        if (!action.equals("replace") && request.replacement() != null) {
            throw ApiException.unprocessable("replacement is only allowed with action replace");
        }
        String decision = switch (action) {
            case "accept" -> "accepted";
            case "reject" -> "rejected";
            default -> "replaced";
        };

        jdbi.useTransaction(h -> {
            NoteView note = lockForChange(h, noteId, version);
            ReviewedSuggestion before = note.suggestions().stream().filter(s -> s.id() == suggestionId).findFirst()
                    .orElseThrow(() -> ApiException.notFound("Note " + noteId + " has no suggestion " + suggestionId));
            if (action.equals("accept")) {
                // An engine code that is not valid for this date of service must not be accepted silently.
                validate(new CodeRef(before.suggestion().system(), before.suggestion().code()), note);
            }
            CodeRef replacement = null;
            if (action.equals("replace")) {
                CodeValidator.Result valid = validate(request.replacement(), note);
                replacement = new CodeRef(request.replacement().system() == null ? null
                        : CodeSystem.fromDisplayName(request.replacement().system()).displayName(), valid.code());
            }
            Instant now = Instant.now();
            store.recordDecision(h, noteId, suggestionId, decision, reason, replacement, user, now);
            bump(h, note, "in_review", now);
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("status", decision);
            if (reason != null) {
                after.put("reason", reason);
            }
            if (replacement != null) {
                after.put("replacement", replacement);
            }
            store.appendAudit(h, noteId, suggestionId, user, "decision", now, note.version() + 1,
                    before.decision(), after);
        });
        return get(noteId);
    }

    public NoteView addCode(String user, String noteId, AddCodeRequest request) {
        if (request == null) {
            throw ApiException.unprocessable("A JSON object with system, code, reason and version is required");
        }
        int version = requireVersion(request.version());
        String reason = trimToNull(request.reason());
        checkLength("reason", reason, MAX_REASON_LENGTH);
        jdbi.useTransaction(h -> {
            NoteView note = lockForChange(h, noteId, version);
            CodeValidator.Result valid = validate(new CodeRef(request.system(), request.code()), note);
            CodeSystem system = CodeSystem.fromDisplayName(request.system());
            boolean duplicate = note.suggestions().stream().anyMatch(s -> s.suggestion().codeSystem() == system
                    && s.suggestion().code().equals(valid.code()));
            if (duplicate) {
                throw ApiException.conflict(system.displayName() + " " + valid.code()
                        + " is already a suggestion of this note: decide on it instead");
            }
            List<Evidence> evidence = new ArrayList<>();
            if (request.evidence() != null) {
                for (AddCodeRequest.SpanRef span : request.evidence()) {
                    if (span.start() < 0 || span.end() <= span.start() || span.end() > note.text().length()) {
                        throw ApiException.unprocessable("evidence span [" + span.start() + ", " + span.end()
                                + ") is outside the note (length " + note.text().length() + ")");
                    }
                    evidence.add(Evidence.of(note.text(), span.start(), span.end()));
                }
            }
            CodeSuggestion added = new CodeSuggestion(system, valid.code(), valid.description(), 1.0, evidence,
                    Assertion.PRESENT, reason == null ? "Added by a coder" : "Added by a coder: " + reason, "coder",
                    valid.release());
            Instant now = Instant.now();
            int ordinal = store.nextOrdinal(h, noteId);
            store.insertSuggestion(h, noteId, ordinal, added, "coder", "accepted", reason, user, now);
            bump(h, note, "in_review", now);
            store.appendAudit(h, noteId, ordinal, user, "added", now, note.version() + 1, null,
                    Map.of("system", system.displayName(), "code", valid.code(), "status", "accepted"));
        });
        return get(noteId);
    }

    public NoteView finalizeNote(String user, String noteId, Integer seenVersion) {
        int version = requireVersion(seenVersion);
        jdbi.useTransaction(h -> {
            NoteView note = lockForChange(h, noteId, version);
            long pending = note.suggestions().stream().filter(s -> "pending".equals(s.decision().status())).count();
            if (pending > 0) {
                throw ApiException.unprocessable(pending + " suggestion(s) still pending: accept, reject or "
                        + "replace each before finalizing");
            }
            Instant now = Instant.now();
            bump(h, note, "finalized", now);
            store.markFinalized(h, noteId, user, now);
            store.appendAudit(h, noteId, null, user, "finalized", now, note.version() + 1,
                    Map.of("status", note.status()), Map.of("status", "finalized"));
        });
        return get(noteId);
    }

    /** Reads the note for a change and refuses finalized notes and stale versions. */
    private NoteView lockForChange(Handle h, String noteId, int seenVersion) {
        NoteView note = store.find(h, noteId).orElseThrow(() -> ApiException.notFound("No note with id " + noteId));
        if ("finalized".equals(note.status())) {
            throw ApiException.conflict("Note " + noteId + " is finalized and can no longer be changed");
        }
        if (note.version() != seenVersion) {
            throw ApiException.conflict("Note " + noteId + " changed since you loaded it (you sent version "
                    + seenVersion + ", it is now " + note.version() + "); reload and decide again");
        }
        return note;
    }

    /** Conditional update: if another request changed the note since we read it, ours is refused, not merged. */
    private void bump(Handle h, NoteView note, String status, Instant now) {
        if (!store.bumpVersion(h, note.id(), note.version(), status, now)) {
            throw ApiException.conflict("Note " + note.id() + " was changed by someone else meanwhile; reload");
        }
    }

    private CodeValidator.Result validate(CodeRef ref, NoteView note) {
        if (ref == null || ref.system() == null || ref.code() == null || ref.code().isBlank()) {
            throw ApiException.unprocessable("system and code are required");
        }
        CodeSystem system;
        try {
            system = CodeSystem.fromDisplayName(ref.system());
        } catch (IllegalArgumentException e) {
            throw ApiException.unprocessable("Unknown code system '" + ref.system()
                    + "': use ICD-10-CM, ICD-10-PCS, CPT or HCPCS");
        }
        CodeValidator.Result result;
        try {
            result = validator.validate(system, ref.code().trim(), note.dateOfService());
        } catch (UnsupportedOperationException | IllegalStateException e) {
            throw ApiException.unavailable("Code validation is not available: the code dictionaries are not loaded");
        }
        if (!result.valid()) {
            throw ApiException.unprocessable(result.problem());
        }
        return result;
    }

    private static NoteSubmission normalize(NoteSubmission s) {
        return new NoteSubmission(s.text(), trimToNull(s.externalEncounterId()), trimToNull(s.patientRef()),
                s.encounterType() == null ? EncounterType.OUTPATIENT : s.encounterType(), s.dateOfService(),
                s.language() == null ? Language.EN : s.language());
    }

    private static int requireVersion(Integer version) {
        if (version == null) {
            throw ApiException.unprocessable("version is required: send the note version you are looking at");
        }
        return version;
    }

    private static void checkLength(String field, String value, int max) {
        if (value != null && value.length() > max) {
            throw ApiException.unprocessable(field + " is longer than " + max + " characters");
        }
    }

    private static String trimToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }
}
