package org.oncogate.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.oncogate.inference.rules.RulesEngine;
import org.oncogate.job.ClinicalType;
import org.oncogate.job.DocumentContent;
import org.oncogate.job.JobConfiguration;
import org.oncogate.job.PatientDocument;
import org.oncogate.job.PatientRecord;

/**
 * Writes the engine's whole result for every text of a labelled set (values, confidences, evidence
 * offsets and text), one JSON line per report, so that a speed change can be checked to infer exactly
 * the same by diffing two dumps. The output holds report text: write it to a scratch file only. Run:
 * {@code java -cp target/classes:target/test-classes:$(cat cp.txt) org.oncogate.bench.RulesEngineDump in.jsonl out.jsonl}.
 */
public final class RulesEngineDump {

    private RulesEngineDump() {
    }

    public static void main(String[] args) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        RulesEngine engine = new RulesEngine();
        try (Writer out = Files.newBufferedWriter(Path.of(args[1]), StandardCharsets.UTF_8)) {
            int n = 0;
            for (String line : Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                String id = "dump-" + n++;
                PatientDocument document = new PatientDocument(PatientDocument.NOTE, ClinicalType.PATHOLOGY_REPORT, id, "en",
                        "2024-01-01T00:00:00Z", DocumentContent.inline(mapper.readTree(line).path("text").asText()));
                out.write(mapper.writeValueAsString(engine.infer(new PatientRecord(id, null, List.of(document)), JobConfiguration.DEFAULTS)));
                out.write('\n');
            }
        }
    }
}
