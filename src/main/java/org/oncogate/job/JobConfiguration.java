package org.oncogate.job;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The model configuration of a request, with the hosted service's defaults: evidence included,
 * no cancer-case check, the hosted service's inference types, not verbose (evidence: the
 * {@link #MAX_EVIDENCE} strongest spans per inference; verbose: every span).
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

    /** Evidence spans per inference unless verbose. */
    public static final int MAX_EVIDENCE = 10;

    /** The types to infer: the requested ones, or the hosted service's when none are named. */
    public Set<InferenceType> requestedTypes() {
        return inferenceTypes.isEmpty() ? InferenceType.hostedTypes() : EnumSet.copyOf(inferenceTypes);
    }

    /** How many evidence spans an inference carries at most. */
    public int maxEvidence() {
        return verbose ? Integer.MAX_VALUE : MAX_EVIDENCE;
    }
}
