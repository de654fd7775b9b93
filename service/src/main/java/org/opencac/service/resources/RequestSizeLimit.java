package org.opencac.service.resources;

import io.dropwizard.jersey.errors.ErrorMessage;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Refuses request bodies over the limit with 413 before they are parsed: by Content-Length when given, and by
 * counting bytes for chunked bodies. Batches get their own, larger limit.
 */
@PreMatching
public class RequestSizeLimit implements ContainerRequestFilter {
    private final long maxRequestBytes;
    private final long maxBatchRequestBytes;

    public RequestSizeLimit(long maxRequestBytes, long maxBatchRequestBytes) {
        this.maxRequestBytes = maxRequestBytes;
        this.maxBatchRequestBytes = maxBatchRequestBytes;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        long limit = request.getUriInfo().getPath().startsWith("api/v1/batches")
                || request.getUriInfo().getPath().startsWith("/api/v1/batches") ? maxBatchRequestBytes
                : maxRequestBytes;
        if (request.getLength() > limit) {
            throw tooLarge(limit);
        }
        if (request.hasEntity()) {
            request.setEntityStream(new Bounded(request.getEntityStream(), limit));
        }
    }

    static WebApplicationException tooLarge(long limit) {
        return new WebApplicationException(Response.status(413).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorMessage(413, "Request body is larger than the limit of " + limit + " bytes"))
                .build());
    }

    /** Counts bytes read and fails once the limit is passed. */
    private static final class Bounded extends FilterInputStream {
        private final long limit;
        private long count;

        Bounded(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                add(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                add(n);
            }
            return n;
        }

        private void add(long n) {
            count += n;
            if (count > limit) {
                throw tooLarge(limit);
            }
        }
    }
}
