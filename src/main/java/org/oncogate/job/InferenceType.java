package org.oncogate.job;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The attributes inferred. The hosted Onco-Phenotype service's nine come first ({@code diagnosisDate}
 * exists from 2023-09-01-preview); the others are oncogate's own, inferred only when a request names
 * them (the API's enum is extensible: {@code x-ms-enum modelAsString}).
 */
public enum InferenceType {
    TUMOR_SITE("tumorSite", true),
    HISTOLOGY("histology", true),
    CLINICAL_STAGE_T("clinicalStageT", true),
    CLINICAL_STAGE_N("clinicalStageN", true),
    CLINICAL_STAGE_M("clinicalStageM", true),
    PATHOLOGIC_STAGE_T("pathologicStageT", true),
    PATHOLOGIC_STAGE_N("pathologicStageN", true),
    PATHOLOGIC_STAGE_M("pathologicStageM", true),
    DIAGNOSIS_DATE("diagnosisDate", true),
    /** Left, Right or Bilateral. */
    TUMOR_LATERALITY("tumorLaterality", false),
    /** The ICD-O-3 grade: G1 well, G2 moderately, G3 poorly differentiated, G4 undifferentiated. */
    TUMOR_GRADE("tumorGrade", false),
    /** The ICD-O-3 behaviour code of the histology: 0 benign, 1 uncertain, 2 in situ, 3 malignant. */
    TUMOR_BEHAVIOR("tumorBehavior", false),
    /** The written T, N and M with their subcategories (T1b, N2a, M1c), of the chosen category. */
    CLINICAL_STAGE_T_SUBCATEGORY("clinicalStageTSubcategory", false),
    CLINICAL_STAGE_N_SUBCATEGORY("clinicalStageNSubcategory", false),
    CLINICAL_STAGE_M_SUBCATEGORY("clinicalStageMSubcategory", false),
    PATHOLOGIC_STAGE_T_SUBCATEGORY("pathologicStageTSubcategory", false),
    PATHOLOGIC_STAGE_N_SUBCATEGORY("pathologicStageNSubcategory", false),
    PATHOLOGIC_STAGE_M_SUBCATEGORY("pathologicStageMSubcategory", false);

    private static final Set<InferenceType> HOSTED = Arrays.stream(values()).filter(t -> t.hosted)
            .collect(Collectors.toCollection(() -> EnumSet.noneOf(InferenceType.class)));

    private final String wireName;
    private final boolean hosted;

    InferenceType(String wireName, boolean hosted) {
        this.wireName = wireName;
        this.hosted = hosted;
    }

    /** The hosted service's types: what a request that names none gets. */
    public static Set<InferenceType> hostedTypes() {
        return EnumSet.copyOf(HOSTED); // computed once: a request that names no type asks for these
    }

    /** Whether the hosted service infers this type (otherwise it is oncogate's own, off unless requested). */
    public boolean hosted() {
        return hosted;
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
