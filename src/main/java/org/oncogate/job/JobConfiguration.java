package org.oncogate.job;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The model configuration of a request, with the hosted service's defaults: evidence included,
 * no cancer-case check, all inference types, not verbose.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record JobConfiguration(
        Boolean verbose,
        Boolean includeEvidence,
        List<InferenceType> inferenceTypes,
        Boolean checkForCancerCase) {

    public static final JobConfiguration DEFAULTS = new JobConfiguration(false, true, List.of(), false);

    public JobConfiguration {
        verbose = verbose != null && verbose;
        includeEvidence = includeEvidence == null || includeEvidence;
        inferenceTypes = inferenceTypes == null ? List.of() : List.copyOf(inferenceTypes);
        checkForCancerCase = checkForCancerCase != null && checkForCancerCase;
    }

    /** The types to infer: the requested ones, or all when none are named. */
    public Set<InferenceType> requestedTypes() {
        return inferenceTypes.isEmpty() ? EnumSet.allOf(InferenceType.class) : EnumSet.copyOf(inferenceTypes);
    }
}
