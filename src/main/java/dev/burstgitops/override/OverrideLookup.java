package dev.burstgitops.override;

import java.util.List;

/**
 * What the repository holds for one policy's override. An invalid file is reported and
 * otherwise ignored: a typo in a pull request must not stop the controller, nor silently
 * count as an instruction.
 */
public sealed interface OverrideLookup {

    /** No override file for the policy. */
    record Absent() implements OverrideLookup {
    }

    /** An override that holds the policy now. */
    record InForce(OverrideFile override) implements OverrideLookup {
    }

    /** An override whose time has passed: automatic control resumes and the file is removed. */
    record Expired(OverrideFile override) implements OverrideLookup {
    }

    /** A file that cannot be used; each problem is {@code file:line: message}. */
    record Invalid(String file, List<String> problems) implements OverrideLookup {
        public Invalid {
            problems = List.copyOf(problems);
        }
    }
}
