package org.oncogate.job;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The Azure.Core error shape. Messages name rules and JSON paths, never patient data.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record JobError(String code, String message, String target, List<JobError> details) {

    public JobError {
        details = details == null ? List.of() : List.copyOf(details);
    }

    public static JobError of(String code, String message, String target) {
        return new JobError(code, message, target, List.of());
    }
}
