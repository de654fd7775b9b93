package org.opencac.service.resources;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opencac.dictionaries.CodeEntry;
import org.opencac.dictionaries.CodeSystem;
import org.opencac.service.api.CodeRef;
import org.opencac.service.auth.Role;
import org.opencac.service.core.ApiException;
import org.opencac.service.core.CodeValidator;
import org.opencac.service.core.Vocabulary;

/**
 * The code sets: look a code up, validate codes for a date of service, browse the hierarchy, search titles and
 * compare releases. {@code system} is "ICD-10-CM", "ICD-10-PCS", "CPT" or "HCPCS"; {@code date} picks the release
 * in force (default: newest).
 */
@Path("/api/v1/vocab")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.CODER_NAME, Role.EVALUATOR_NAME, Role.INTEGRATION_NAME})
public class VocabularyResource {
    private static final int MAX_CODES = 1000;
    private static final int MAX_SEARCH = 100;

    /** Body of POST /api/v1/vocab/validate. */
    public record ValidateRequest(@JsonProperty("dateOfService") LocalDate dateOfService,
                                  @JsonProperty("codes") List<CodeRef> codes) {
    }

    private final Vocabulary vocabulary;
    private final CodeValidator validator;

    public VocabularyResource(Vocabulary vocabulary, CodeValidator validator) {
        this.vocabulary = vocabulary;
        this.validator = validator;
    }

    @GET
    @Path("/{system}/codes/{code}")
    public CodeEntry lookup(@PathParam("system") String system, @PathParam("code") String code,
                            @QueryParam("date") String date) {
        CodeSystem codeSystem = system(system);
        return vocabulary.lookup(codeSystem, code, date(date)).orElseThrow(() -> ApiException.notFound(
                codeSystem.displayName() + " code " + code + " does not exist in that release"));
    }

    @GET
    @Path("/{system}/codes/{code}/children")
    public List<CodeEntry> children(@PathParam("system") String system, @PathParam("code") String code,
                                    @QueryParam("date") String date) {
        return vocabulary.children(system(system), code, date(date));
    }

    @GET
    @Path("/{system}/codes/{code}/descendants")
    public List<CodeEntry> descendants(@PathParam("system") String system, @PathParam("code") String code,
                                       @QueryParam("date") String date) {
        return vocabulary.descendants(system(system), code, date(date));
    }

    @GET
    @Path("/{system}/search")
    public List<CodeEntry> search(@PathParam("system") String system, @QueryParam("q") String query,
                                  @QueryParam("date") String date,
                                  @QueryParam("limit") @DefaultValue("20") int limit) {
        if (query == null || query.isBlank()) {
            throw ApiException.badRequest("q (the search text) is required");
        }
        if (limit < 1 || limit > MAX_SEARCH) {
            throw ApiException.badRequest("limit must be between 1 and " + MAX_SEARCH);
        }
        return vocabulary.search(system(system), query.trim(), date(date), limit);
    }

    @GET
    @Path("/{system}/releases")
    public List<String> releases(@PathParam("system") String system) {
        return vocabulary.releases(system(system));
    }

    @GET
    @Path("/{system}/diff")
    public List<Vocabulary.Change> diff(@PathParam("system") String system, @QueryParam("from") String from,
                                        @QueryParam("to") String to) {
        if (from == null || to == null) {
            throw ApiException.badRequest("from and to (release names, e.g. FY2018) are required");
        }
        return vocabulary.diff(system(system), from, to);
    }

    /** Validates each code for the date of service; one answer per code, in order. */
    @POST
    @Path("/validate")
    @Consumes(MediaType.APPLICATION_JSON)
    public List<Map<String, Object>> validate(ValidateRequest request) {
        if (request == null || request.codes() == null || request.codes().isEmpty()) {
            throw ApiException.unprocessable("codes must be a non-empty array of {system, code}");
        }
        if (request.codes().size() > MAX_CODES) {
            throw ApiException.tooLarge("At most " + MAX_CODES + " codes per request");
        }
        List<Map<String, Object>> answers = new ArrayList<>();
        for (CodeRef ref : request.codes()) {
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("system", ref == null ? null : ref.system());
            answer.put("code", ref == null ? null : ref.code());
            if (ref == null || ref.system() == null || ref.code() == null) {
                answer.put("valid", false);
                answer.put("problem", "system and code are required");
            } else {
                CodeSystem codeSystem = system(ref.system());
                CodeValidator.Result result = validator.validate(codeSystem, ref.code(), request.dateOfService());
                answer.put("valid", result.valid());
                if (result.valid()) {
                    answer.put("canonicalCode", result.code());
                    answer.put("description", result.description());
                    answer.put("release", result.release());
                } else {
                    answer.put("problem", result.problem());
                }
            }
            answers.add(answer);
        }
        return answers;
    }

    private static CodeSystem system(String name) {
        try {
            return CodeSystem.fromDisplayName(name);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("Unknown code system '" + name + "': use ICD-10-CM, ICD-10-PCS, CPT or HCPCS");
        }
    }

    private static LocalDate date(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("date must be YYYY-MM-DD");
        }
    }
}
