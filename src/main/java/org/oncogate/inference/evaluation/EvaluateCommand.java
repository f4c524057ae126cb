package org.oncogate.inference.evaluation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.oncogate.inference.InferenceEngine;
import org.oncogate.inference.rules.RulesEngine;

/**
 * {@code oncogate eval <labelled.jsonl> [--json report.json] [--errors t|n|m|site|site3|histology]}: measures
 * the rules engine on labelled reports and prints the scores per attribute (all rows and rows whose label
 * is stated), with confusion tables; progress goes to standard error. {@code --errors} lists the report
 * ids whose prediction differs from the label (ids and values only, never text).
 */
public final class EvaluateCommand {

    static final String USAGE = "usage: oncogate eval <labelled.jsonl> [--json report.json] [--errors t|n|m|site|site3|histology]";
    private static final int PROGRESS_EVERY = 100;

    private final PrintStream out;
    private final PrintStream err;

    public EvaluateCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** Runs the command; returns the process exit code (0 done, 2 bad usage or unreadable input). */
    public int run(List<String> args) {
        Path input = null;
        Path json = null;
        Attribute errorsOf = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if ((arg.equals("--json") || arg.equals("--errors")) && i + 1 < args.size()) {
                String value = args.get(++i);
                if (arg.equals("--json")) {
                    json = Path.of(value);
                } else {
                    errorsOf = attribute(value);
                    if (errorsOf == null) {
                        return usage();
                    }
                }
            } else if (input == null && !arg.startsWith("--")) {
                input = Path.of(arg);
            } else {
                return usage();
            }
        }
        if (input == null) {
            return usage();
        }
        try {
            evaluate(new RulesEngine(), read(input), json, errorsOf);
            return 0;
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            err.println("eval: cannot read " + input + ": " + e.getClass().getSimpleName());
            return 2;
        }
    }

    private void evaluate(InferenceEngine engine, List<LabelledReport> reports, Path json, Attribute errorsOf)
            throws IOException {
        long start = System.nanoTime();
        Evaluation evaluation = Evaluation.run(engine, reports, done -> {
            if (done % PROGRESS_EVERY == 0 || done == reports.size()) {
                err.printf(Locale.ROOT, "\revaluated %d / %d reports", done, reports.size());
                if (done == reports.size()) {
                    err.println();
                }
            }
        });
        EvaluationReport report = new EvaluationReport(evaluation, engine.modelVersion(), (System.nanoTime() - start) / 1e9);
        report.print(out);
        if (errorsOf != null) {
            out.println();
            out.println("mismatches of " + errorsOf.label() + " (report id: label -> prediction)");
            evaluation.mismatches(errorsOf).forEach(m -> out.println("  " + m.reportId() + ": " + m.expected() + " -> "
                    + (m.predicted() == null ? Tally.NONE : m.predicted())));
        }
        if (json != null) {
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), report.tree());
            err.println("report written to " + json);
        }
    }

    private static List<LabelledReport> read(Path input) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        List<LabelledReport> reports = new ArrayList<>();
        for (String line : Files.readAllLines(input, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                reports.add(LabelledReport.of(mapper.readTree(line)));
            }
        }
        return reports;
    }

    private static Attribute attribute(String name) {
        for (Attribute attribute : Attribute.values()) {
            if (attribute.label().equals(name)) {
                return attribute;
            }
        }
        return null;
    }

    private int usage() {
        err.println(USAGE);
        return 2;
    }
}
