package org.opencac.service.core;

import io.dropwizard.jersey.errors.ErrorMessage;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * A refusal with a status and a message a client can act on, rendered as Dropwizard's JSON error
 * {@code {"code":422,"message":"..."}}. Messages must never quote note text.
 */
public class ApiException extends WebApplicationException {
    public ApiException(int status, String message) {
        super(message, Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorMessage(status, message)).build());
    }

    public static ApiException badRequest(String message) {
        return new ApiException(400, message);
    }

    public static ApiException notFound(String message) {
        return new ApiException(404, message);
    }

    public static ApiException conflict(String message) {
        return new ApiException(409, message);
    }

    public static ApiException unprocessable(String message) {
        return new ApiException(422, message);
    }

    public static ApiException tooLarge(String message) {
        return new ApiException(413, message);
    }

    public static ApiException unavailable(String message) {
        return new ApiException(503, message);
    }
}
