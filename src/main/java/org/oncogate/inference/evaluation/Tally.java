package org.oncogate.inference.evaluation;

import java.util.Map;
import java.util.TreeMap;

/**
 * Counts for one attribute on one set of rows, and the scores they give:
 * <ul>
 *   <li>precision: correct / predicted, over rows that have a label (an unlabelled row says nothing
 *       about correctness; predictions on unlabelled rows are counted apart);</li>
 *   <li>recall: correct / labelled;</li>
 *   <li>F1: their harmonic mean;</li>
 *   <li>accuracy: rows whose prediction equals the label, "None" counting as a value (no label and no
 *       prediction agree) / all rows. On rows whose label is stated every row has a label, so it equals recall.</li>
 * </ul>
 * The confusion table counts label against prediction, "None" for either missing.
 */
final class Tally {

    static final String NONE = "None";

    private int rows;
    private int labelled;
    private int predicted;
    private int correct;
    private int agreeing;
    private int predictedUnlabelled;
    private final Map<String, Map<String, Integer>> confusion = new TreeMap<>();

    void count(String expected, String prediction) {
        rows++;
        boolean agree = expected == null ? prediction == null : expected.equals(prediction);
        agreeing += agree ? 1 : 0;
        confusion.computeIfAbsent(expected == null ? NONE : expected, k -> new TreeMap<>())
                .merge(prediction == null ? NONE : prediction, 1, Integer::sum);
        if (expected == null) {
            predictedUnlabelled += prediction == null ? 0 : 1;
            return;
        }
        labelled++;
        if (prediction != null) {
            predicted++;
            correct += agree ? 1 : 0;
        }
    }

    int rows() {
        return rows;
    }

    int labelled() {
        return labelled;
    }

    int predicted() {
        return predicted;
    }

    int correct() {
        return correct;
    }

    int predictedUnlabelled() {
        return predictedUnlabelled;
    }

    double precision() {
        return predicted == 0 ? 0 : (double) correct / predicted;
    }

    double recall() {
        return labelled == 0 ? 0 : (double) correct / labelled;
    }

    double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    double accuracy() {
        return rows == 0 ? 0 : (double) agreeing / rows;
    }

    /** Label -> prediction -> rows, sorted. */
    Map<String, Map<String, Integer>> confusion() {
        return confusion;
    }
}
