package org.opencac.service;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.opencac.service.support.RunningService;

/**
 * The API contract on PostgreSQL. Runs when the system property {@code cac.test.postgresUrl} (or the environment
 * variable CAC_TEST_POSTGRES_URL) holds a JDBC URL with user and password, as printed by
 * scripts/start-test-postgres.sh; skipped otherwise. Each run works in a schema of its own.
 */
class PostgresServiceApiTest extends ServiceApiContract {

    static String postgresUrl() {
        String url = System.getProperty("cac.test.postgresUrl");
        if (url == null || !url.startsWith("jdbc:postgresql:")) {
            url = System.getenv("CAC_TEST_POSTGRES_URL");
        }
        return url != null && url.startsWith("jdbc:postgresql:") ? url : null;
    }

    @Override
    RunningService start() throws Exception {
        String url = postgresUrl();
        Assumptions.assumeTrue(url != null, "no PostgreSQL URL given (cac.test.postgresUrl)");
        String schema = "cac_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12)
                .toLowerCase(Locale.ROOT);
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        String separator = url.contains("?") ? "&" : "?";
        return new RunningService("org.postgresql.Driver", url + separator + "currentSchema=" + schema, null, null);
    }
}
