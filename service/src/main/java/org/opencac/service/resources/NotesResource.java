package org.opencac.service.resources;

import com.codahale.metrics.annotation.Timed;
import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.opencac.service.api.AddCodeRequest;
import org.opencac.service.api.DecisionRequest;
import org.opencac.service.api.NoteSubmission;
import org.opencac.service.api.NoteView;
import org.opencac.service.api.VersionRequest;
import org.opencac.service.auth.ApiUser;
import org.opencac.service.auth.Role;
import org.opencac.service.core.ReviewService;
import org.opencac.service.db.NoteStore;

/** Submitting notes for coding and the coder's review of one note. */
@Path("/api/v1/notes")
@Produces(MediaType.APPLICATION_JSON)
public class NotesResource {
    private final ReviewService review;

    public NotesResource(ReviewService review) {
        this.review = review;
    }

    /** Codes and stores a note. A retry with the same Idempotency-Key answers with the note stored first. */
    @POST
    @Timed
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.INTEGRATION_NAME)
    public Response submit(@Auth ApiUser user, @HeaderParam("Idempotency-Key") String idempotencyKey,
                           NoteSubmission submission) {
        ReviewService.Submitted result = review.submit(user.username(), idempotencyKey, submission);
        return Response.created(URI.create("/api/v1/notes/" + result.note().id()))
                .header("Idempotent-Replayed", String.valueOf(result.replay()))
                .entity(result.note()).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Role.CODER_NAME, Role.EVALUATOR_NAME, Role.INTEGRATION_NAME})
    public NoteView get(@PathParam("id") String id) {
        return review.get(id);
    }

    /** The note's append-only audit trail (who, when, before, after). */
    @GET
    @Path("/{id}/audit")
    @RolesAllowed(Role.EVALUATOR_NAME)
    public List<NoteStore.AuditEvent> audit(@PathParam("id") String id) {
        return review.audit(id);
    }

    @POST
    @Timed
    @Path("/{id}/suggestions/{sid}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.CODER_NAME)
    public NoteView decide(@Auth ApiUser user, @PathParam("id") String id, @PathParam("sid") int suggestionId,
                           DecisionRequest decision) {
        return review.decide(user.username(), id, suggestionId, decision);
    }

    /** Adds a code the engine missed; it is stored as accepted. */
    @POST
    @Path("/{id}/suggestions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.CODER_NAME)
    public Response addCode(@Auth ApiUser user, @PathParam("id") String id, AddCodeRequest request) {
        return Response.status(Response.Status.CREATED).entity(review.addCode(user.username(), id, request)).build();
    }

    @POST
    @Path("/{id}/finalize")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.CODER_NAME)
    public NoteView finalizeNote(@Auth ApiUser user, @PathParam("id") String id, VersionRequest request) {
        return review.finalizeNote(user.username(), id, request == null ? null : request.version());
    }
}
