package org.opencac.service.core;

import java.time.LocalDate;
import org.opencac.dictionaries.CodeSystem;

/** Checks a code a coder chose against the code-set release in force on the note's date of service. */
public interface CodeValidator {

    /** The canonical code and its title, or a problem a coder can understand. */
    record Result(boolean valid, String code, String description, String release, String problem) {
        public static Result ok(String code, String description, String release) {
            return new Result(true, code, description, release, null);
        }

        public static Result invalid(String problem) {
            return new Result(false, null, null, null, problem);
        }
    }

    /** @param dateOfService null means the newest release */
    Result validate(CodeSystem system, String code, LocalDate dateOfService);
}
