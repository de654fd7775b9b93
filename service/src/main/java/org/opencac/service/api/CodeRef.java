package org.opencac.service.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A code named by its system's display name ("ICD-10-CM") and the code ("E11.9"). */
public record CodeRef(@JsonProperty("system") String system, @JsonProperty("code") String code) {
}
