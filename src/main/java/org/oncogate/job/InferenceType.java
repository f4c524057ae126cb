package org.oncogate.job;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/** The attributes the Onco-Phenotype model infers. {@code diagnosisDate} exists from 2023-09-01-preview. */
public enum InferenceType {
    TUMOR_SITE("tumorSite"),
    HISTOLOGY("histology"),
    CLINICAL_STAGE_T("clinicalStageT"),
    CLINICAL_STAGE_N("clinicalStageN"),
    CLINICAL_STAGE_M("clinicalStageM"),
    PATHOLOGIC_STAGE_T("pathologicStageT"),
    PATHOLOGIC_STAGE_N("pathologicStageN"),
    PATHOLOGIC_STAGE_M("pathologicStageM"),
    DIAGNOSIS_DATE("diagnosisDate");

    private final String wireName;

    InferenceType(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    public static Optional<InferenceType> find(String name) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst();
    }

    @JsonCreator
    static InferenceType fromJson(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("unknown inference type"));
    }
}
