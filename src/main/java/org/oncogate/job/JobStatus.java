package org.oncogate.job;

import com.fasterxml.jackson.annotation.JsonValue;

/** Job lifecycle states; {@code partiallyCompleted} exists only in 2023-03-01-preview. */
public enum JobStatus {
    NOT_STARTED("notStarted"),
    RUNNING("running"),
    SUCCEEDED("succeeded"),
    FAILED("failed"),
    PARTIALLY_COMPLETED("partiallyCompleted");

    private final String wireName;

    JobStatus(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    public boolean isFinal() {
        return this == SUCCEEDED || this == FAILED || this == PARTIALLY_COMPLETED;
    }
}
