package org.oncogate.inference.evaluation;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import org.oncogate.inference.InferenceEngine;
import org.oncogate.job.Inference;
import org.oncogate.job.JobConfiguration;
import org.oncogate.job.PatientResult;

/**
 * Runs an engine over labelled reports and tallies every attribute on all rows and on the rows whose
 * label the text states; keeps the mismatches (report id, label, prediction) for listing.
 */
final class Evaluation {

    /** A report whose prediction differs from its label. */
    record Mismatch(Attribute attribute, String reportId, String expected, String predicted) {
    }

    private final Map<Attribute, Tally> all = new EnumMap<>(Attribute.class);
    private final Map<Attribute, Tally> stated = new EnumMap<>(Attribute.class);
    private final List<Mismatch> mismatches = new ArrayList<>();
    private int reports;

    static Evaluation run(InferenceEngine engine, List<LabelledReport> reports, IntConsumer progress) {
        Evaluation evaluation = new Evaluation();
        for (LabelledReport report : reports) {
            evaluation.add(report, engine.infer(report.patient(), JobConfiguration.DEFAULTS));
            progress.accept(evaluation.reports);
        }
        return evaluation;
    }

    private void add(LabelledReport report, PatientResult result) {
        reports++;
        for (Attribute attribute : Attribute.values()) {
            String predicted = result.inferences().stream().filter(i -> i.type() == attribute.type).findFirst()
                    .filter(i -> !i.isNone()).map(Inference::value).map(attribute::keyOf).orElse(null);
            String expected = report.label(attribute);
            all.computeIfAbsent(attribute, a -> new Tally()).count(expected, predicted);
            if (report.stated().contains(attribute)) {
                stated.computeIfAbsent(attribute, a -> new Tally()).count(expected, predicted);
            }
            if (expected != null && !expected.equals(predicted)) {
                mismatches.add(new Mismatch(attribute, report.id(), expected, predicted));
            }
        }
    }

    int reports() {
        return reports;
    }

    Tally all(Attribute attribute) {
        return all.getOrDefault(attribute, new Tally());
    }

    /** The tally on rows whose label is stated, or null for attributes without a stated flag. */
    Tally stated(Attribute attribute) {
        return attribute.statedField == null ? null : stated.getOrDefault(attribute, new Tally());
    }

    List<Mismatch> mismatches(Attribute attribute) {
        return mismatches.stream().filter(m -> m.attribute() == attribute).toList();
    }
}
