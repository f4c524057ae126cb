package org.oncogate.job;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Function;

/**
 * The hosted service's request limits, each a configuration key (oncogate.limits.*) with the
 * service's value as default: characters per patient, patients per request, the clinical types and
 * the inference types a request may use.
 */
public record JobLimits(int maxCharactersPerPatient, int maxPatients, Set<ClinicalType> clinicalTypes,
                        Set<InferenceType> inferenceTypes) {

    public JobLimits {
        if (maxCharactersPerPatient < 1 || maxPatients < 1) {
            throw new IllegalArgumentException("oncogate.limits.max-* must be positive");
        }
        if (clinicalTypes.isEmpty() || inferenceTypes.isEmpty()) {
            throw new IllegalArgumentException("oncogate.limits.clinical-types and inference-types must not be empty");
        }
        clinicalTypes = Set.copyOf(clinicalTypes);
        inferenceTypes = Set.copyOf(inferenceTypes);
    }

    /** Everything the API defines is allowed. */
    public static JobLimits of(int maxCharactersPerPatient, int maxPatients) {
        return new JobLimits(maxCharactersPerPatient, maxPatients, EnumSet.allOf(ClinicalType.class),
                EnumSet.allOf(InferenceType.class));
    }

    /** Parses a comma-separated list of wire names, refusing unknown ones by key. */
    public static <T extends Enum<T>> Set<T> parse(String key, String names, Function<String, java.util.Optional<T>> find) {
        return Arrays.stream(names.split(",")).map(String::trim).filter(n -> !n.isEmpty())
                .map(n -> find.apply(n).orElseThrow(() -> new IllegalArgumentException(
                        key + " names a value the API does not define")))
                .collect(java.util.stream.Collectors.toSet());
    }
}
