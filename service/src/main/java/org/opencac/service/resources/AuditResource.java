package org.opencac.service.resources;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.opencac.service.auth.Role;
import org.opencac.service.core.ApiException;
import org.opencac.service.db.NoteStore;

/** The append-only audit trail of every change (who, when, before, after); per note: NotesResource. */
@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.EVALUATOR_NAME)
public class AuditResource {
    private static final int MAX_PAGE_SIZE = 500;

    private final Jdbi jdbi;
    private final NoteStore store;

    public AuditResource(Jdbi jdbi, NoteStore store) {
        this.jdbi = jdbi;
        this.store = store;
    }

    @GET
    public List<NoteStore.AuditEvent> all(@QueryParam("page") @DefaultValue("1") int page,
                                          @QueryParam("size") @DefaultValue("100") int size) {
        checkPage(page, size);
        return jdbi.withHandle(h -> store.audit(h, null, (page - 1) * size, size));
    }

    private static void checkPage(int page, int size) {
        if (page < 1 || size < 1 || size > MAX_PAGE_SIZE) {
            throw ApiException.badRequest("page must be >= 1 and size between 1 and " + MAX_PAGE_SIZE);
        }
    }
}
