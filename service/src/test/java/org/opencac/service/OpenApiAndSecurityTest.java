package org.opencac.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.io.File;
import java.lang.reflect.Method;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opencac.service.support.RunningService;

/** The OpenAPI document lists exactly the service's endpoints, and every endpoint declares who may call it. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiAndSecurityTest {
    private RunningService service;

    @BeforeAll
    void start() throws Exception {
        service = RunningService.onFreshH2();
    }

    @AfterAll
    void stop() {
        service.close();
    }

    /** Every JAX-RS resource class of the service (the classes in the resources package with @Path). */
    private static List<Class<?>> resourceClasses() throws Exception {
        String pkg = "org.opencac.service.resources";
        File dir = new File(OpenApiAndSecurityTest.class.getClassLoader().getResource(pkg.replace('.', '/')).toURI());
        List<Class<?>> classes = new ArrayList<>();
        for (String name : new TreeSet<>(List.of(dir.list()))) {
            if (name.endsWith(".class") && !name.contains("$")) {
                Class<?> type = Class.forName(pkg + "." + name.substring(0, name.length() - ".class".length()));
                if (type.isAnnotationPresent(Path.class)) {
                    classes.add(type);
                }
            }
        }
        return classes;
    }

    /** "GET /api/v1/notes/{id}" for every resource method. */
    private List<String> registeredEndpoints() throws Exception {
        List<String> endpoints = new ArrayList<>();
        for (Class<?> type : resourceClasses()) {
            Path classPath = type.getAnnotation(Path.class);
            for (Method method : type.getDeclaredMethods()) {
                String verb = verb(method);
                if (verb == null) {
                    continue;
                }
                Path methodPath = method.getAnnotation(Path.class);
                String path = ("/" + classPath.value() + (methodPath == null ? "" : "/" + methodPath.value()))
                        .replaceAll("/+", "/").replaceAll("(.)/$", "$1");
                endpoints.add(verb + " " + path);
            }
        }
        return endpoints;
    }

    private static String verb(Method method) {
        if (method.isAnnotationPresent(GET.class)) {
            return "GET";
        }
        if (method.isAnnotationPresent(POST.class)) {
            return "POST";
        }
        if (method.isAnnotationPresent(PUT.class)) {
            return "PUT";
        }
        return method.isAnnotationPresent(DELETE.class) ? "DELETE" : null;
    }

    @Test
    void openApiDocumentListsExactlyTheRegisteredEndpoints() throws Exception {
        HttpResponse<String> response = service.get(RunningService.CODER, "/openapi.json");
        assertEquals(200, response.statusCode());
        JsonNode spec = service.parse(response);
        assertTrue(spec.get("openapi").asText().startsWith("3."));
        TreeSet<String> documented = new TreeSet<>();
        spec.get("paths").properties().forEach(path -> path.getValue().fieldNames()
                .forEachRemaining(verb -> documented.add(verb.toUpperCase(Locale.ROOT) + " " + path.getKey())));
        TreeSet<String> registered = new TreeSet<>(registeredEndpoints());
        assertTrue(registered.size() >= 20, "too few endpoints found: " + registered);
        assertEquals(registered, documented);
    }

    @Test
    void everyEndpointDeclaresTheRolesAllowedToCallIt() throws Exception {
        List<String> open = new ArrayList<>();
        for (Class<?> type : resourceClasses()) {
            boolean classDeclares = type.isAnnotationPresent(RolesAllowed.class)
                    || type.isAnnotationPresent(PermitAll.class);
            for (Method method : type.getDeclaredMethods()) {
                if (verb(method) != null && !classDeclares && !method.isAnnotationPresent(RolesAllowed.class)
                        && !method.isAnnotationPresent(PermitAll.class)) {
                    open.add(type.getSimpleName() + "." + method.getName());
                }
            }
        }
        // Without @RolesAllowed or @PermitAll, Dropwizard's auth filter would not run for the method.
        assertEquals(List.of(), open);
    }
}
