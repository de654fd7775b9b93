package org.opencac.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.opencac.service.support.TestCacApplication;

/** The bundled default configuration starts, migrates an empty database and lets the documented admin in. */
class DefaultConfigurationTest {
    @Test
    void bundledDefaultStartsWithTheBootstrapAdmin() throws Exception {
        Assumptions.assumeTrue(System.getenv("CAC_ADMIN_PASSWORD") == null, "admin password overridden");
        DropwizardTestSupport<CacConfiguration> support = new DropwizardTestSupport<>(TestCacApplication.class,
                CacApplication.DEFAULT_CONFIG,
                ConfigOverride.config("server.applicationConnectors[0].port", "0"),
                ConfigOverride.config("server.adminConnectors[0].port", "0"),
                // Same settings as the default, in memory instead of ./data.
                ConfigOverride.config("database.url", "jdbc:h2:mem:default-config;DB_CLOSE_DELAY=-1"));
        support.before();
        try {
            assertEquals(1048576, support.getConfiguration().getMaxNoteBytes());
            assertEquals("admin", support.getConfiguration().getBootstrapAdmin().getUsername());
            HttpClient http = HttpClient.newHttpClient();
            String basic = "Basic " + Base64.getEncoder().encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> me = http.send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + support.getLocalPort() + "/api/v1/me"))
                    .header("Authorization", basic).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, me.statusCode(), me.body());
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + support.getLocalPort() + "/review/")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, page.statusCode());
            assertEquals(true, page.body().contains("id=\"login-form\""));
        } finally {
            support.after();
        }
    }
}
