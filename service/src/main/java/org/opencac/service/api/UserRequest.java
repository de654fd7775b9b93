package org.opencac.service.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** Body of POST /api/v1/users (admin). */
public record UserRequest(@JsonProperty("username") String username, @JsonProperty("password") String password,
                          @JsonProperty("roles") List<String> roles) {
    @Override
    public String toString() {
        return "UserRequest[" + username + ", roles=" + roles + "]";
    }
}
