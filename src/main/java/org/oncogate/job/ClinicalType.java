package org.oncogate.job;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/**
 * The clinical type of a document. The canonical names are those of 2023-09-01-preview; the
 * 2023-03-01-preview names {@code imaging} and {@code pathology} are accepted as aliases.
 */
public enum ClinicalType {
    CONSULTATION("consultation"),
    DISCHARGE_SUMMARY("dischargeSummary"),
    HISTORY_AND_PHYSICAL("historyAndPhysical"),
    RADIOLOGY_REPORT("radiologyReport", "imaging"),
    PROCEDURE("procedure"),
    PROGRESS("progress"),
    LABORATORY("laboratory"),
    PATHOLOGY_REPORT("pathologyReport", "pathology");

    private final String wireName;
    private final String legacyName;

    ClinicalType(String wireName) {
        this(wireName, wireName);
    }

    ClinicalType(String wireName, String legacyName) {
        this.wireName = wireName;
        this.legacyName = legacyName;
    }

    /** The 2023-09-01-preview name. */
    @JsonValue
    public String wireName() {
        return wireName;
    }

    /** Looks a clinical type up by either version's name, case-sensitively as the API does. */
    public static Optional<ClinicalType> find(String name) {
        return Arrays.stream(values())
                .filter(t -> t.wireName.equals(name) || t.legacyName.equals(name))
                .findFirst();
    }

    @JsonCreator
    static ClinicalType fromJson(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("unknown clinical type"));
    }
}
