package org.oncogate.inference.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.oncogate.job.ClinicalType;
import org.oncogate.job.DocumentContent;
import org.oncogate.job.Inference;
import org.oncogate.job.InferenceType;
import org.oncogate.job.JobConfiguration;
import org.oncogate.job.PatientDocument;
import org.oncogate.job.PatientRecord;
import org.oncogate.job.PatientResult;

/**
 * Measures the rules engine on labelled reports (a main, not a test):
 * {@code Evaluate <tcga-dev.jsonl> [attribute]}. Each report is read as a pathology report; precision
 * and recall are printed per attribute, overall and on the rows whose T/N/M label is stated in the text.
 * Precision counts only rows that have a label (an unlabelled row says nothing about correctness).
 * With an attribute name (t, n, m, site, site3, histology) it also lists that attribute's errors.
 */
public final class Evaluate {

    private record Attribute(String name, String labelField, InferenceType type, Function<String, String> key) {
    }

    private static final List<Attribute> ATTRIBUTES = List.of(
            new Attribute("t", "t", InferenceType.PATHOLOGIC_STAGE_T, Function.identity()),
            new Attribute("n", "n", InferenceType.PATHOLOGIC_STAGE_N, Function.identity()),
            new Attribute("m", "m", InferenceType.PATHOLOGIC_STAGE_M, Function.identity()),
            new Attribute("site", "site", InferenceType.TUMOR_SITE, Function.identity()),
            new Attribute("site3", "site", InferenceType.TUMOR_SITE, v -> v.substring(0, 3)),
            new Attribute("histology", "histology", InferenceType.HISTOLOGY, Function.identity()));

    /** Counts for one attribute on one subset of rows. */
    private static final class Tally {
        int labelled;
        int predicted;
        int correct;
        int unlabelledPredicted;

        String line(String name) {
            return String.format(Locale.ROOT, "%-10s labelled %4d  predicted %4d  correct %4d  precision %5.3f  recall %5.3f  (predicted on unlabelled: %d)",
                    name, labelled, predicted, correct, predicted == 0 ? 0 : (double) correct / predicted,
                    labelled == 0 ? 0 : (double) correct / labelled, unlabelledPredicted);
        }
    }

    private Evaluate() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: Evaluate <tcga-dev.jsonl> [t|n|m|site|site3|histology]");
            System.exit(2);
        }
        String errorsOf = args.length > 1 ? args[1] : null;
        ObjectMapper json = new ObjectMapper();
        RulesEngine engine = new RulesEngine();
        Map<String, Tally> overall = new LinkedHashMap<>();
        Map<String, Tally> stated = new LinkedHashMap<>();
        List<String> errors = new ArrayList<>();
        int rows = 0;
        for (String line : Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            rows++;
            JsonNode row = json.readTree(line);
            PatientResult result = engine.infer(patient(row), JobConfiguration.DEFAULTS);
            for (Attribute attribute : ATTRIBUTES) {
                String label = text(row.get(attribute.labelField()));
                Inference inference = result.inferences().stream()
                        .filter(i -> i.type() == attribute.type()).findFirst().orElseThrow();
                String predicted = inference.isNone() ? null : attribute.key().apply(inference.value());
                String expected = label == null ? null : attribute.key().apply(label);
                count(overall.computeIfAbsent(attribute.name(), k -> new Tally()), expected, predicted);
                JsonNode statedFlag = row.path("stated_in_text").get(attribute.labelField());
                if (statedFlag != null && statedFlag.asBoolean()) {
                    count(stated.computeIfAbsent(attribute.name(), k -> new Tally()), expected, predicted);
                }
                if (attribute.name().equals(errorsOf) && expected != null && !expected.equals(predicted)) {
                    String evidence = inference.evidence() == null || inference.evidence().isEmpty() ? ""
                            : inference.evidence().get(0).patientDataEvidence().text();
                    errors.add(row.get("id").asText() + " " + row.get("project").asText() + " expected " + expected
                            + " got " + predicted + " [" + evidence + "]");
                }
            }
        }
        System.out.println("rows " + rows + ", model " + engine.modelVersion());
        System.out.println("-- all rows");
        overall.forEach((name, tally) -> System.out.println(tally.line(name)));
        System.out.println("-- rows whose label is stated in the text (t, n, m only)");
        stated.forEach((name, tally) -> System.out.println(tally.line(name)));
        errors.forEach(System.out::println);
    }

    private static void count(Tally tally, String expected, String predicted) {
        if (expected == null) {
            tally.unlabelledPredicted += predicted == null ? 0 : 1;
            return;
        }
        tally.labelled++;
        if (predicted != null) {
            tally.predicted++;
            tally.correct += expected.equals(predicted) ? 1 : 0;
        }
    }

    private static PatientRecord patient(JsonNode row) {
        PatientDocument report = new PatientDocument(PatientDocument.NOTE, ClinicalType.PATHOLOGY_REPORT,
                row.get("id").asText(), "en", "2024-01-01T00:00:00Z", DocumentContent.inline(row.get("text").asText()));
        return new PatientRecord(row.get("id").asText(), null, List.of(report));
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }
}
