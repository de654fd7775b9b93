package org.opencac.service.resources;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import org.opencac.service.auth.Role;
import org.opencac.service.core.ApiException;
import org.opencac.service.db.NoteStore;

/** Notes to review, oldest first, one page at a time (no note text). */
@Path("/api/v1/worklist")
@Produces(MediaType.APPLICATION_JSON)
public class WorklistResource {
    private static final Set<String> STATUSES = Set.of("new", "in_review", "finalized");
    private static final int MAX_PAGE_SIZE = 200;

    private final Jdbi jdbi;
    private final NoteStore store;

    public WorklistResource(Jdbi jdbi, NoteStore store) {
        this.jdbi = jdbi;
        this.store = store;
    }

    @GET
    @RolesAllowed({Role.CODER_NAME, Role.EVALUATOR_NAME})
    public Map<String, Object> worklist(@QueryParam("status") String status,
                                        @QueryParam("page") @DefaultValue("1") int page,
                                        @QueryParam("size") @DefaultValue("50") int size) {
        if (status != null && !STATUSES.contains(status)) {
            throw ApiException.badRequest("status must be new, in_review or finalized");
        }
        if (page < 1 || size < 1 || size > MAX_PAGE_SIZE) {
            throw ApiException.badRequest("page must be >= 1 and size between 1 and " + MAX_PAGE_SIZE);
        }
        return jdbi.withHandle(h -> {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("status", status);
            view.put("page", page);
            view.put("size", size);
            view.put("total", store.countNotes(h, status));
            view.put("items", store.worklist(h, status, (page - 1) * size, size));
            return view;
        });
    }
}
