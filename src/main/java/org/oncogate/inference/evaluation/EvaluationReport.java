package org.oncogate.inference.evaluation;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/** An evaluation as text tables (scores, confusion) and as a JSON-ready tree. */
final class EvaluationReport {

    /** Confusion tables with at most this many distinct labels are printed whole; larger ones as their top pairs. */
    private static final int FULL_TABLE = 8;
    private static final int TOP_PAIRS = 12;

    private final Evaluation evaluation;
    private final String modelVersion;
    private final double seconds;

    EvaluationReport(Evaluation evaluation, String modelVersion, double seconds) {
        this.evaluation = evaluation;
        this.modelVersion = modelVersion;
        this.seconds = seconds;
    }

    void print(PrintStream out) {
        out.printf(Locale.ROOT, "%d reports, model %s, %.1f s (%.0f reports/s)%n", evaluation.reports(), modelVersion,
                seconds, seconds == 0 ? 0 : evaluation.reports() / seconds);
        out.println();
        out.println("attribute  rows        labelled predicted correct precision recall  F1     accuracy  predicted-unlabelled");
        for (Attribute attribute : Attribute.values()) {
            line(out, attribute.label(), "all", evaluation.all(attribute));
            Tally stated = evaluation.stated(attribute);
            if (stated != null) {
                line(out, "", "stated", stated);
            }
        }
        for (Attribute attribute : Attribute.values()) {
            if (attribute != Attribute.SITE) {
                out.println();
                confusion(out, attribute, evaluation.all(attribute));
            }
        }
    }

    private static void line(PrintStream out, String name, String rows, Tally t) {
        out.printf(Locale.ROOT, "%-10s %-6s %5d %8d %9d %7d   %.3f   %.3f  %.3f  %.3f     %d%n", name, rows, t.rows(),
                t.labelled(), t.predicted(), t.correct(), t.precision(), t.recall(), t.f1(), t.accuracy(),
                t.predictedUnlabelled());
    }

    private static void confusion(PrintStream out, Attribute attribute, Tally tally) {
        Map<String, Map<String, Integer>> table = tally.confusion();
        TreeSet<String> columns = new TreeSet<>();
        table.values().forEach(row -> columns.addAll(row.keySet()));
        if (table.size() <= FULL_TABLE && columns.size() <= FULL_TABLE) {
            out.println("confusion " + attribute.label() + " (rows: label, columns: prediction)");
            StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-8s", ""));
            columns.forEach(c -> header.append(String.format(Locale.ROOT, "%7s", c)));
            out.println(header);
            table.forEach((label, row) -> {
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-8s", label));
                columns.forEach(c -> line.append(String.format(Locale.ROOT, "%7d", row.getOrDefault(c, 0))));
                out.println(line);
            });
            return;
        }
        out.println("confusion " + attribute.label() + ": the " + TOP_PAIRS + " most frequent errors (label -> prediction: rows)");
        errors(table).stream().limit(TOP_PAIRS)
                .forEach(e -> out.printf(Locale.ROOT, "  %s -> %s: %d%n", e.getKey().get(0), e.getKey().get(1), e.getValue()));
    }

    private static List<Map.Entry<List<String>, Integer>> errors(Map<String, Map<String, Integer>> table) {
        List<Map.Entry<List<String>, Integer>> errors = new ArrayList<>();
        table.forEach((label, row) -> row.forEach((prediction, count) -> {
            if (!label.equals(prediction)) {
                errors.add(Map.entry(List.of(label, prediction), count));
            }
        }));
        errors.sort(Comparator.comparing((Map.Entry<List<String>, Integer> e) -> e.getValue()).reversed()
                .thenComparing(e -> e.getKey().toString()));
        return errors;
    }

    /** The report as nested maps for Jackson: reports, model, seconds, and per attribute the all/stated scores. */
    Map<String, Object> tree() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("reports", evaluation.reports());
        root.put("modelVersion", modelVersion);
        root.put("seconds", seconds);
        Map<String, Object> attributes = new LinkedHashMap<>();
        for (Attribute attribute : Attribute.values()) {
            Map<String, Object> scores = new LinkedHashMap<>();
            scores.put("all", tree(evaluation.all(attribute)));
            Tally stated = evaluation.stated(attribute);
            if (stated != null) {
                scores.put("stated", tree(stated));
            }
            attributes.put(attribute.label(), scores);
        }
        root.put("attributes", attributes);
        return root;
    }

    private static Map<String, Object> tree(Tally t) {
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("rows", t.rows());
        node.put("labelled", t.labelled());
        node.put("predicted", t.predicted());
        node.put("correct", t.correct());
        node.put("predictedOnUnlabelled", t.predictedUnlabelled());
        node.put("precision", t.precision());
        node.put("recall", t.recall());
        node.put("f1", t.f1());
        node.put("accuracy", t.accuracy());
        node.put("confusion", t.confusion());
        return node;
    }
}
