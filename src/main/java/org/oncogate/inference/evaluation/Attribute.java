package org.oncogate.inference.evaluation;

import java.util.function.UnaryOperator;
import org.oncogate.job.InferenceType;

/**
 * An attribute scored by the evaluation: the label field of a labelled report, the inference it is
 * compared with, how both values are keyed (sites also at their 3-character category), and the field of
 * {@code stated_in_text} that says whether the report states the label (null: no such flag).
 */
enum Attribute {
    T("t", InferenceType.PATHOLOGIC_STAGE_T, UnaryOperator.identity(), "t"),
    N("n", InferenceType.PATHOLOGIC_STAGE_N, UnaryOperator.identity(), "n"),
    M("m", InferenceType.PATHOLOGIC_STAGE_M, UnaryOperator.identity(), "m"),
    SITE("site", InferenceType.TUMOR_SITE, UnaryOperator.identity(), null),
    SITE3("site", InferenceType.TUMOR_SITE, v -> v.length() > 3 ? v.substring(0, 3) : v, null),
    HISTOLOGY("histology", InferenceType.HISTOLOGY, UnaryOperator.identity(), null);

    final String labelField;
    final InferenceType type;
    final UnaryOperator<String> key;
    final String statedField;

    Attribute(String labelField, InferenceType type, UnaryOperator<String> key, String statedField) {
        this.labelField = labelField;
        this.type = type;
        this.key = key;
        this.statedField = statedField;
    }

    /** The name used on the command line and in the report: t, n, m, site, site3, histology. */
    String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The keyed value, or null for none. */
    String keyOf(String value) {
        return value == null ? null : key.apply(value);
    }
}
