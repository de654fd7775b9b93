package org.opencac.service.resources;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.dropwizard.jersey.errors.ErrorMessage;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.stream.Collectors;
import org.jdbi.v3.core.JdbiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JSON errors that never echo the request: Jackson's own messages can quote the body (patient text), and
 * JDBI's can carry bound parameters, so these mappers build their messages from field names and positions only.
 */
public final class ErrorMappers {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorMappers.class);

    private ErrorMappers() {
    }

    static Response error(int status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorMessage(status, message)).build();
    }

    /** Malformed JSON or bytes that are not UTF-8. */
    public static class MalformedJson implements ExceptionMapper<JsonParseException> {
        @Override
        public Response toResponse(JsonParseException e) {
            var at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            return error(400, "Malformed JSON or text that is not UTF-8" + where);
        }
    }

    /** Well-formed JSON of the wrong shape: unknown field, wrong type, bad enum or date. */
    public static class WrongShape implements ExceptionMapper<JsonMappingException> {
        @Override
        public Response toResponse(JsonMappingException e) {
            if (e.getCause() instanceof JsonParseException parse) {
                // Jackson wraps read errors inside a field (e.g. bytes that are not UTF-8) as mapping errors.
                return new MalformedJson().toResponse(parse);
            }
            String path = e.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining("."));
            if (e instanceof InvalidDefinitionException definition) {
                // Our own type cannot be (de)serialised: a server bug, not the client's.
                LOG.error("JSON binding is misconfigured for {}", definition.getType());
                return error(500, "The server cannot read this kind of request");
            }
            if (e instanceof UnrecognizedPropertyException unknown) {
                return error(400, "Unknown field '" + unknown.getPropertyName() + "'"
                        + (unknown.getKnownPropertyIds() == null ? "" : "; known fields: "
                        + unknown.getKnownPropertyIds()));
            }
            return error(400, "Invalid value for field '" + (path.isEmpty() ? "(body)" : path)
                    + "' (check its type, and that enums are e.g. outpatient/inpatient, en/es, dates YYYY-MM-DD)");
        }
    }

    /** Features the dictionaries cannot serve yet. */
    public static class NotImplemented implements ExceptionMapper<UnsupportedOperationException> {
        @Override
        public Response toResponse(UnsupportedOperationException e) {
            return error(501, "Not available yet: " + e.getMessage());
        }
    }

    /** Database failures: log the type and SQL state only (the message may hold bound note text). */
    public static class Database implements ExceptionMapper<JdbiException> {
        @Override
        public Response toResponse(JdbiException e) {
            Throwable cause = e.getCause();
            String state = cause instanceof java.sql.SQLException sql ? sql.getSQLState() : "n/a";
            LOG.error("Database error {} (SQL state {})", e.getClass().getSimpleName(), state);
            return error(500, "Database error; nothing was changed");
        }
    }
}
