package org.oncogate.job;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** One inferred attribute: {@code value} is {@code None} when the documents do not say enough. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Inference(
        InferenceType type,
        String value,
        String description,
        double confidenceScore,
        List<InferenceEvidence> evidence,
        String caseId) {

    public static final String NONE = "None";

    public Inference {
        if (confidenceScore < 0 || confidenceScore > 1) {
            throw new IllegalArgumentException("confidenceScore must lie in [0, 1]");
        }
        evidence = evidence == null ? null : List.copyOf(evidence);
        confidenceScore = Scores.rounded(confidenceScore);
    }

    public static Inference none(InferenceType type) {
        return new Inference(type, NONE, null, 0.0, List.of(), null);
    }

    @JsonIgnore
    public boolean isNone() {
        return NONE.equals(value);
    }

    /** The same inference with at most {@code max} of its evidence spans (the first, strongest ones). */
    public Inference withAtMostEvidence(int max) {
        return evidence == null || evidence.size() <= max ? this
                : new Inference(type, value, description, confidenceScore, evidence.subList(0, max), caseId);
    }

    /** The same inference as one of a patient's clinical cases (when more than one primary is found). */
    public Inference withCaseId(String id) {
        return new Inference(type, value, description, confidenceScore, evidence, id);
    }

    /** The same inference without its evidence, for {@code includeEvidence=false}. */
    public Inference withoutEvidence() {
        return new Inference(type, value, description, confidenceScore, null, caseId);
    }
}
