package org.opencac.service;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.dropwizard.assets.AssetsBundle;
import io.dropwizard.auth.AuthDynamicFeature;
import io.dropwizard.auth.AuthValueFactoryProvider;
import io.dropwizard.auth.basic.BasicCredentialAuthFilter;
import io.dropwizard.configuration.ConfigurationSourceProvider;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.FileConfigurationSourceProvider;
import io.dropwizard.configuration.ResourceConfigurationSourceProvider;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.jdbi3.JdbiFactory;
import io.dropwizard.migrations.MigrationsBundle;
import java.io.InputStream;
import java.sql.Connection;
import java.util.Set;
import java.util.function.Supplier;
import liquibase.Liquibase;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.glassfish.jersey.server.filter.RolesAllowedDynamicFeature;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.NoTemplateEngine;
import org.jdbi.v3.core.statement.StatementExceptions;
import org.opencac.core.CodingEngine;
import org.opencac.core.EngineConfig;
import org.opencac.core.NoteCoder;
import org.opencac.dictionaries.Dictionaries;
import org.opencac.service.auth.ApiUser;
import org.opencac.service.auth.CachedCredentialAuthenticator;
import org.opencac.service.auth.PasswordHasher;
import org.opencac.service.auth.Role;
import org.opencac.service.auth.RoleAuthorizer;
import org.opencac.service.core.BatchService;
import org.opencac.service.core.CodeValidator;
import org.opencac.service.core.CoderHolder;
import org.opencac.service.core.DictionariesCodeValidator;
import org.opencac.service.core.DictionariesVocabulary;
import org.opencac.service.core.Memoized;
import org.opencac.service.core.ReviewService;
import org.opencac.service.core.Vocabulary;
import org.opencac.service.db.BatchStore;
import org.opencac.service.db.NoteStore;
import org.opencac.service.db.UserDao;
import org.opencac.service.health.CoderHealthCheck;
import org.opencac.service.resources.AuditResource;
import org.opencac.service.resources.BatchesResource;
import org.opencac.service.resources.ErrorMappers;
import org.opencac.service.resources.FeedbackResource;
import org.opencac.service.resources.NotesResource;
import org.opencac.service.resources.OpenApiResource;
import org.opencac.service.resources.RequestSizeLimit;
import org.opencac.service.resources.UsersResource;
import org.opencac.service.resources.VocabularyResource;
import org.opencac.service.resources.WorklistResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OpenCAC review service. {@code server config.yml} runs with that file; plain {@code server} runs the bundled
 * default (H2 under ./data, ports 8080/8081, bootstrap admin from CAC_ADMIN_PASSWORD or "admin").
 */
public class CacApplication extends Application<CacConfiguration> {
    private static final Logger LOG = LoggerFactory.getLogger(CacApplication.class);
    static final String DEFAULT_CONFIG = "classpath:opencac-default.yml";
    static final int H2_INPLACE_LOB_BYTES = 16 * 1024;

    private final Supplier<NoteCoder> coderFactory;
    private final CodeValidator codeValidator;
    private final Vocabulary vocabulary;
    private CoderHolder coderHolder;

    /** The production wiring: the real engine and the bundled dictionaries. */
    public CacApplication() {
        this(new Memoized<>(() -> CodingEngine.defaultDictionaries(EngineConfig.defaults())));
    }

    /** One copy of the code sets serves the engine, code validation and the vocabulary API. */
    private CacApplication(Supplier<Dictionaries> dictionaries) {
        this(() -> CodingEngine.create(EngineConfig.defaults(), dictionaries.get()),
                new DictionariesCodeValidator(dictionaries), new DictionariesVocabulary(dictionaries));
    }

    /**
     * @param codeValidator null: backed by the bundled dictionaries
     * @param vocabulary    null: backed by the bundled dictionaries
     */
    public CacApplication(Supplier<NoteCoder> coderFactory, CodeValidator codeValidator, Vocabulary vocabulary) {
        this.coderFactory = coderFactory;
        Supplier<Dictionaries> dictionaries = new Memoized<>(Dictionaries::loadBundled);
        this.codeValidator = codeValidator != null ? codeValidator : new DictionariesCodeValidator(dictionaries);
        this.vocabulary = vocabulary != null ? vocabulary : new DictionariesVocabulary(dictionaries);
    }

    public static void main(String[] args) throws Exception {
        String[] effective = args.length == 1 && args[0].equals("server") ? new String[] {"server", DEFAULT_CONFIG}
                : args;
        new CacApplication().run(effective);
    }

    @Override
    public String getName() {
        return "opencac";
    }

    @Override
    public void initialize(Bootstrap<CacConfiguration> bootstrap) {
        bootstrap.setConfigurationSourceProvider(new SubstitutingSourceProvider(new FileOrClasspath(),
                new EnvironmentVariableSubstitutor(false)));
        // Typos in field names are errors, not silently dropped data.
        bootstrap.getObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        // A number or boolean where text or a code is expected is the client's mistake, not something to convert:
        // {"text": 0} must not store a note reading "0", nor {"language": 0} pick the first language.
        bootstrap.getObjectMapper().coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        bootstrap.getObjectMapper().enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        // Nor a number where a date is expected ({"dateOfService": -12} was read as day -12 after 1970-01-01).
        bootstrap.getObjectMapper().configOverride(java.time.LocalDate.class)
                .setFormat(JsonFormat.Value.forLeniency(false));
        // Dates as "2019-06-01" and instants as ISO-8601 text, not arrays and numbers.
        bootstrap.getObjectMapper().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        bootstrap.addBundle(new MigrationsBundle<>() {
            @Override
            public DataSourceFactory getDataSourceFactory(CacConfiguration configuration) {
                return configuration.getDatabase();
            }
        });
        bootstrap.addBundle(new AssetsBundle("/assets/", "/review/", "index.html", "review"));
    }

    @Override
    public void run(CacConfiguration config, Environment environment) throws Exception {
        if (config.isMigrateOnStart()) {
            migrate(config, environment);
        }
        Jdbi jdbi = new JdbiFactory().build(environment, config.getDatabase(), "database");
        // Exception messages must not carry bound parameters (note text): show the statement only.
        jdbi.getConfig(StatementExceptions.class)
                .setMessageRendering(StatementExceptions.MessageRendering.SHORT_STATEMENT);
        // Our SQL is plain text with :named parameters, no <attribute> templates. Dropwizard's default template
        // engine (a comment naming the SqlObject method, which we do not use) cannot be cached, so every statement
        // was lexed again with ANTLR (about 4% of the request threads' allocation). Named parameters are still
        // parsed, once per statement text, by Jdbi's caching SQL parser.
        jdbi.setTemplateEngine(new NoTemplateEngine());
        if ("org.h2.Driver".equals(config.getDatabase().getDriverClass())) {
            // H2 writes committed transactions to its file up to WRITE_DELAY (500 ms) later, so a killed process
            // would lose notes and decisions it had already acknowledged. Write at every commit instead.
            jdbi.useHandle(h -> h.execute("SET WRITE_DELAY 0"));
            // CLOBs up to this size (note text, suggestion JSON, audit JSON) are kept in the row itself rather than
            // in H2's separate LOB maps: storing a note with its suggestions wrote some twenty LOBs, each through
            // those maps and their clean-up thread. Same transaction and same commit, so nothing is less durable.
            jdbi.useHandle(h -> h.execute("SET MAX_LENGTH_INPLACE_LOB " + H2_INPLACE_LOB_BYTES));
        }

        PasswordHasher hasher = new PasswordHasher(config.getPasswordHashIterations());
        UserDao users = new UserDao(jdbi);
        bootstrapAdmin(config, users, hasher);

        coderHolder = new CoderHolder(coderFactory);
        environment.lifecycle().manage(coderHolder);
        NoteStore noteStore = new NoteStore(environment.getObjectMapper());
        ReviewService review = new ReviewService(jdbi, noteStore, coderHolder, codeValidator,
                config.getMaxNoteBytes());
        BatchService batches = new BatchService(jdbi, new BatchStore(), review, coderHolder,
                environment.getObjectMapper(), config.getMaxBatchNotes());
        environment.lifecycle().manage(batches);

        registerAuth(environment, users, hasher);
        var jersey = environment.jersey();
        jersey.register(new RequestSizeLimit(config.getMaxRequestBytes(), config.getMaxBatchRequestBytes()));
        jersey.register(new ErrorMappers.MalformedJson());
        jersey.register(new ErrorMappers.WrongShape());
        jersey.register(new ErrorMappers.NotImplemented());
        jersey.register(new ErrorMappers.Database(jdbi));
        jersey.register(new NotesResource(review));
        jersey.register(new WorklistResource(jdbi, noteStore));
        jersey.register(new BatchesResource(batches));
        jersey.register(new AuditResource(jdbi, noteStore));
        jersey.register(new FeedbackResource(jdbi, noteStore, environment.getObjectMapper()));
        jersey.register(new VocabularyResource(vocabulary, codeValidator));
        jersey.register(new UsersResource(users, hasher));
        jersey.register(new OpenApiResource());

        environment.healthChecks().register("coder", new CoderHealthCheck(coderHolder));
    }

    /** The coder holder of the running application (tests wait on it). */
    public CoderHolder coderHolder() {
        return coderHolder;
    }

    private static void registerAuth(Environment environment, UserDao users, PasswordHasher hasher) {
        // PBKDF2 is deliberately slow: remember verified passwords briefly (as keyed digests, bounded) so each
        // request does not pay for it, while the user row is still read on every request.
        CachedCredentialAuthenticator authenticator = new CachedCredentialAuthenticator(users, hasher, 1000,
                java.util.concurrent.TimeUnit.SECONDS.toNanos(60));
        environment.jersey().register(new AuthDynamicFeature(new BasicCredentialAuthFilter.Builder<ApiUser>()
                .setAuthenticator(authenticator)
                .setAuthorizer(new RoleAuthorizer())
                .setRealm("OpenCAC")
                .buildAuthFilter()));
        environment.jersey().register(RolesAllowedDynamicFeature.class);
        environment.jersey().register(new AuthValueFactoryProvider.Binder<>(ApiUser.class));
    }

    private static void bootstrapAdmin(CacConfiguration config, UserDao users, PasswordHasher hasher) {
        if (users.count() > 0) {
            return;
        }
        CacConfiguration.BootstrapAdmin admin = config.getBootstrapAdmin();
        users.upsert(admin.getUsername(), hasher.hash(admin.getPassword()), Set.of(Role.ADMIN));
        LOG.warn("Created the bootstrap admin user '{}'; change its password (POST /api/v1/users)",
                admin.getUsername());
    }

    private static void migrate(CacConfiguration config, Environment environment) throws Exception {
        var dataSource = config.getDatabase().build(environment.metrics(), "migrations");
        try (Connection connection = dataSource.getConnection()) {
            Liquibase liquibase = new Liquibase("migrations.xml", new ClassLoaderResourceAccessor(),
                    DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection)));
            liquibase.update("");
        } finally {
            dataSource.stop();
        }
    }

    /** Reads "classpath:NAME" from the class path, anything else from the file system. */
    private static final class FileOrClasspath implements ConfigurationSourceProvider {
        private final ConfigurationSourceProvider files = new FileConfigurationSourceProvider();
        private final ConfigurationSourceProvider resources = new ResourceConfigurationSourceProvider();

        @Override
        public InputStream open(String path) throws java.io.IOException {
            return path.startsWith("classpath:") ? resources.open(path.substring("classpath:".length()))
                    : files.open(path);
        }
    }
}
