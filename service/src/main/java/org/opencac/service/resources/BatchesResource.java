package org.opencac.service.resources;

import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Map;
import org.opencac.service.api.BatchSubmission;
import org.opencac.service.auth.ApiUser;
import org.opencac.service.auth.Role;
import org.opencac.service.core.BatchService;

/** Asynchronous coding of many notes: 202 with a job id, then poll the job. */
@Path("/api/v1/batches")
@Produces(MediaType.APPLICATION_JSON)
public class BatchesResource {
    private final BatchService batches;

    public BatchesResource(BatchService batches) {
        this.batches = batches;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.INTEGRATION_NAME)
    public Response submit(@Auth ApiUser user, BatchSubmission batch) {
        String id = batches.submit(user.username(), batch);
        return Response.accepted(Map.of("id", id, "status", "queued"))
                .location(URI.create("/api/v1/batches/" + id)).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Role.INTEGRATION_NAME, Role.EVALUATOR_NAME})
    public Map<String, Object> status(@PathParam("id") String id) {
        return batches.status(id);
    }
}
