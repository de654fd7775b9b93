package org.opencac.service;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.core.Configuration;
import io.dropwizard.db.DataSourceFactory;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

/** Settings of the review service; see config.yml (bundled default) for documented values. */
public class CacConfiguration extends Configuration {

    @Valid
    @NotNull
    private DataSourceFactory database = new DataSourceFactory();

    /** Apply pending schema migrations at start-up (the bundled default); otherwise run {@code db migrate}. */
    private boolean migrateOnStart = true;

    /** Largest note text accepted, in UTF-8 bytes. */
    @Min(1)
    private int maxNoteBytes = 1024 * 1024;

    /** Largest request body accepted, in bytes, except batches. */
    @Min(1)
    private long maxRequestBytes = 4L * 1024 * 1024;

    /** Largest body of POST /api/v1/batches, in bytes (a batch carries many notes). */
    @Min(1)
    private long maxBatchRequestBytes = 64L * 1024 * 1024;

    /** Most notes in one batch. */
    @Min(1)
    private int maxBatchNotes = 1000;

    /** PBKDF2 iterations for newly hashed passwords (existing hashes keep theirs). */
    @Min(1000)
    private int passwordHashIterations = 210_000;

    @Valid
    @NotNull
    private BootstrapAdmin bootstrapAdmin = new BootstrapAdmin();

    @JsonProperty
    public DataSourceFactory getDatabase() {
        return database;
    }

    @JsonProperty
    public void setDatabase(DataSourceFactory database) {
        this.database = database;
    }

    @JsonProperty
    public boolean isMigrateOnStart() {
        return migrateOnStart;
    }

    @JsonProperty
    public void setMigrateOnStart(boolean migrateOnStart) {
        this.migrateOnStart = migrateOnStart;
    }

    @JsonProperty
    public int getMaxNoteBytes() {
        return maxNoteBytes;
    }

    @JsonProperty
    public void setMaxNoteBytes(int maxNoteBytes) {
        this.maxNoteBytes = maxNoteBytes;
    }

    @JsonProperty
    public long getMaxRequestBytes() {
        return maxRequestBytes;
    }

    @JsonProperty
    public void setMaxRequestBytes(long maxRequestBytes) {
        this.maxRequestBytes = maxRequestBytes;
    }

    @JsonProperty
    public long getMaxBatchRequestBytes() {
        return maxBatchRequestBytes;
    }

    @JsonProperty
    public void setMaxBatchRequestBytes(long maxBatchRequestBytes) {
        this.maxBatchRequestBytes = maxBatchRequestBytes;
    }

    @JsonProperty
    public int getMaxBatchNotes() {
        return maxBatchNotes;
    }

    @JsonProperty
    public void setMaxBatchNotes(int maxBatchNotes) {
        this.maxBatchNotes = maxBatchNotes;
    }

    @JsonProperty
    public int getPasswordHashIterations() {
        return passwordHashIterations;
    }

    @JsonProperty
    public void setPasswordHashIterations(int passwordHashIterations) {
        this.passwordHashIterations = passwordHashIterations;
    }

    @JsonProperty
    public BootstrapAdmin getBootstrapAdmin() {
        return bootstrapAdmin;
    }

    @JsonProperty
    public void setBootstrapAdmin(BootstrapAdmin bootstrapAdmin) {
        this.bootstrapAdmin = bootstrapAdmin;
    }

    /** The admin account created when the user table is empty, so a fresh installation can be logged into. */
    public static class BootstrapAdmin {
        @NotEmpty
        private String username = "admin";
        @NotEmpty
        private String password = "admin";

        @JsonProperty
        public String getUsername() {
            return username;
        }

        @JsonProperty
        public void setUsername(String username) {
            this.username = username;
        }

        @JsonProperty
        public String getPassword() {
            return password;
        }

        @JsonProperty
        public void setPassword(String password) {
            this.password = password;
        }
    }
}
