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
import org.jdbi.v3.core.Jdbi;
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

    /**
     * Database failures: log the type and SQL state only (the message may hold bound note text). A database that
     * cannot be reached is the server's temporary condition, not a bug: 503 so clients retry; anything else 500.
     * Some drivers report a lost connection without a telling SQL state (e.g. PostgreSQL while binding a null), so
     * before answering 500 the mapper checks whether the database answers at all.
     */
    public static class Database implements ExceptionMapper<JdbiException> {
        private final Jdbi jdbi;

        /** @param jdbi the service's database, probed before a failure is reported as a server error; may be null */
        public Database(Jdbi jdbi) {
            this.jdbi = jdbi;
        }

        @Override
        public Response toResponse(JdbiException e) {
            Throwable cause = e.getCause();
            String state = cause instanceof java.sql.SQLException sql ? sql.getSQLState() : "n/a";
            if (isUnreachable(e) || !answers(jdbi)) {
                LOG.warn("Database unavailable: {} (SQL state {})", e.getClass().getSimpleName(), state);
                return error(503, "The database is unavailable; nothing was changed. Retry later");
            }
            LOG.error("Database error {} (SQL state {}; causes {})", e.getClass().getSimpleName(), state,
                    causeTypes(e));
            return error(500, "Database error; nothing was changed");
        }
    }

    /** True when the database runs "SELECT 1", or when there is nothing to probe. */
    static boolean answers(Jdbi jdbi) {
        if (jdbi == null) {
            return true;
        }
        try {
            jdbi.useHandle(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one());
            return true;
        } catch (JdbiException probe) {
            return !isUnreachable(probe);
        }
    }

    /**
     * SQL states that mean "no working connection": class 08 (connection exception, standard), PostgreSQL's
     * 57P01-57P03 (server shutting down or starting) and H2's 90067 (connection broken), 90098 (database closed by
     * the server), 90121 (database already closed).
     */
    private static final java.util.Set<String> UNREACHABLE_STATES = java.util.Set.of("57P01", "57P02", "57P03",
            "90067", "90098", "90121");

    /** The class names of the cause chain (never messages: they may hold bound note text). */
    static String causeTypes(Throwable failure) {
        StringBuilder types = new StringBuilder();
        for (Throwable t = failure.getCause(); t != null && types.length() < 500; t = t.getCause()) {
            types.append(types.length() == 0 ? "" : " <- ").append(t.getClass().getName());
            if (t.getCause() == t) {
                break;
            }
        }
        return types.length() == 0 ? "none" : types.toString();
    }

    /** True when the failure (or one of its causes) is a lost or refused database connection. */
    public static boolean isUnreachable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof org.jdbi.v3.core.ConnectionException
                    || t instanceof java.sql.SQLTransientConnectionException
                    || t instanceof java.sql.SQLNonTransientConnectionException
                    || t instanceof java.net.ConnectException) {
                return true;
            }
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || UNREACHABLE_STATES.contains(sql.getSQLState()))) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
