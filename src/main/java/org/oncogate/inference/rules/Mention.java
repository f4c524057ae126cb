package org.oncogate.inference.rules;

import org.oncogate.job.InferenceType;

/**
 * One statement of a value found in a normalized document text, at [start, end).
 *
 * @param rank      compared before confidence when choosing a value (e.g. malignant before benign histology)
 * @param tieBreak  compared after confidence (e.g. the more advanced TNM category)
 * @param indicatesCancer whether this statement alone makes the patient a cancer case
 */
record Mention(
        InferenceType type,
        String value,
        String description,
        double confidence,
        int start,
        int end,
        int rank,
        int tieBreak,
        boolean indicatesCancer) {

    Mention {
        if (confidence < 0 || confidence > 1) {
            throw new IllegalArgumentException("confidence must lie in [0, 1]");
        }
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad mention range");
        }
    }

    /** The same statement counting {@code factor} as much (a section's weight, an uncertain assertion). */
    Mention weighted(double factor) {
        return new Mention(type, value, description, confidence * factor, start, end, rank, tieBreak, indicatesCancer);
    }

    /** The same statement ranked {@code newRank}: a histology that yields to a subtype of it found beside it. */
    Mention ranked(int newRank) {
        return new Mention(type, value, description, confidence, start, end, newRank, tieBreak, indicatesCancer);
    }

    /** The values that compete with each other: a site competes within its 3-character category. */
    String group() {
        return type == InferenceType.TUMOR_SITE ? value.substring(0, 3) : value;
    }
}
