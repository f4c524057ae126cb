package org.oncogate.job;

/** The hosted service's request limits, each a configuration key (oncogate.limits.*). */
public record JobLimits(int maxCharactersPerPatient, int maxPatients) {

    public JobLimits {
        if (maxCharactersPerPatient < 1 || maxPatients < 1) {
            throw new IllegalArgumentException("oncogate.limits.* must be positive");
        }
    }
}
