package org.oncogate.intake.api;

import java.util.Arrays;
import java.util.Optional;

/** The two Onco-Phenotype api-versions, each served under its own path. */
public enum ApiVersion {
    V2023_03_01_PREVIEW("2023-03-01-preview", "/healthinsights/oncophenotype/jobs"),
    V2023_09_01_PREVIEW("2023-09-01-preview", "/health-insights/onco-phenotype/jobs");

    private final String wireName;
    private final String jobsPath;

    ApiVersion(String wireName, String jobsPath) {
        this.wireName = wireName;
        this.jobsPath = jobsPath;
    }

    public String wireName() {
        return wireName;
    }

    public String jobsPath() {
        return jobsPath;
    }

    public static Optional<ApiVersion> find(String name) {
        return Arrays.stream(values()).filter(v -> v.wireName.equals(name)).findFirst();
    }

    /** The version whose jobs path the request path starts with. */
    static Optional<ApiVersion> servedAt(String path) {
        return Arrays.stream(values()).filter(v -> path != null && path.startsWith(v.jobsPath)).findFirst();
    }
}
