package org.opencac.service.resources;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.opencac.service.auth.Role;
import org.opencac.service.core.ApiException;
import org.opencac.service.db.NoteStore;

/** How coders received the engine's suggestions: acceptance figures and an export for training the ranker. */
@Path("/api/v1/feedback")
@RolesAllowed(Role.EVALUATOR_NAME)
public class FeedbackResource {
    private final Jdbi jdbi;
    private final NoteStore store;
    private final ObjectMapper mapper;

    public FeedbackResource(Jdbi jdbi, NoteStore store, ObjectMapper mapper) {
        this.jdbi = jdbi;
        this.store = store;
        this.mapper = mapper;
    }

    /**
     * Acceptance rate = accepted / (accepted + rejected + replaced) over engine suggestions that were decided,
     * per code ({@code by=code}) or per pipeline version ({@code by=version}).
     */
    @GET
    @Path("/acceptance")
    @Produces(MediaType.APPLICATION_JSON)
    public List<Map<String, Object>> acceptance(@QueryParam("by") @DefaultValue("code") String by) {
        if (!by.equals("code") && !by.equals("version")) {
            throw ApiException.badRequest("by must be code or version");
        }
        return jdbi.withHandle(h -> store.decisionCounts(h, by.equals("version"))).stream()
                .map(FeedbackResource::withRate).toList();
    }

    private static Map<String, Object> withRate(Map<String, Object> row) {
        Map<String, Object> view = new LinkedHashMap<>();
        if (row.containsKey("coder_version")) {
            view.put("version", row.get("coder_version"));
        } else {
            view.put("system", row.get("code_system"));
            view.put("code", row.get("code"));
        }
        long accepted = number(row.get("accepted"));
        long rejected = number(row.get("rejected"));
        long replaced = number(row.get("replaced"));
        long decided = accepted + rejected + replaced;
        view.put("accepted", accepted);
        view.put("rejected", rejected);
        view.put("replaced", replaced);
        view.put("pending", number(row.get("pending")));
        view.put("acceptanceRate", decided == 0 ? null : (double) accepted / decided);
        return view;
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    /**
     * Every decided suggestion as JSON Lines: the suggestion in its public shape, the decision (label), the
     * pipeline version and the note's metadata. No note text beyond the evidence spans.
     */
    @GET
    @Path("/export")
    @Produces("application/x-ndjson")
    public Response export() {
        StreamingOutput body = out -> {
            BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            jdbi.useHandle(h -> store.forEachDecision(h, row -> {
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("noteId", row.get("note_id"));
                line.put("suggestionId", row.get("ordinal"));
                line.put("pipelineVersion", row.get("coder_version"));
                line.put("encounterType", row.get("encounter_type"));
                line.put("language", row.get("language"));
                line.put("dateOfService", row.get("date_of_service") == null ? null
                        : row.get("date_of_service").toString());
                line.put("origin", row.get("origin"));
                line.put("decision", row.get("decision"));
                line.put("label", "accepted".equals(row.get("decision")) ? 1 : 0);
                line.put("reason", row.get("reason"));
                if (row.get("replacement_code") != null) {
                    line.put("replacement", Map.of("system", row.get("replacement_system"),
                            "code", row.get("replacement_code")));
                }
                line.put("decidedBy", row.get("decided_by"));
                line.put("decidedAt", row.get("decided_at") == null ? null : row.get("decided_at").toString());
                try {
                    line.put("suggestion", mapper.readTree(String.valueOf(row.get("suggestion_json"))));
                    writer.write(mapper.writeValueAsString(line));
                    writer.write('\n');
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }));
            writer.flush();
        };
        return Response.ok(body).header("Content-Disposition", "attachment; filename=\"decisions.jsonl\"").build();
    }
}
