package org.oncogate.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.oncogate.inference.rules.RulesEngine;
import org.oncogate.job.ClinicalType;
import org.oncogate.job.DocumentContent;
import org.oncogate.job.JobConfiguration;
import org.oncogate.job.PatientDocument;
import org.oncogate.job.PatientRecord;
import org.oncogate.job.PatientResult;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The rules engine on the texts of the dev set (one pathology report per operation, cycling through all
 * of them), beside a baseline that only lower-cases each text and scans it once, in the same run. One
 * thread: the scores are documents per second per core. Run: {@code ./mvnw -B -q -Pbench test-compile
 * exec:exec@jmh} (texts from {@code -Dbench.eval=...}, default {@code ../shared/eval/tcga-dev.jsonl}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
public class RulesEngineBenchmark {

    private final RulesEngine engine = new RulesEngine();
    private List<PatientRecord> patients;
    private List<String> texts;
    private int next;

    @Setup(Level.Trial)
    public void load() throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        patients = new ArrayList<>();
        texts = new ArrayList<>();
        Path eval = Path.of(System.getProperty("bench.eval", "../shared/eval/tcga-dev.jsonl"));
        for (String line : Files.readAllLines(eval, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            String text = mapper.readTree(line).path("text").asText();
            String id = "bench-" + texts.size();
            texts.add(text);
            patients.add(new PatientRecord(id, null, List.of(new PatientDocument(PatientDocument.NOTE,
                    ClinicalType.PATHOLOGY_REPORT, id, "en", "2024-01-01T00:00:00Z", DocumentContent.inline(text)))));
        }
    }

    private int advance() {
        int i = next;
        next = (next + 1) % texts.size();
        return i;
    }

    /** The whole engine on one report: all finders, selection, evidence mapped to the submitted text. */
    @Benchmark
    public PatientResult engine() {
        return engine.infer(patients.get(advance()), JobConfiguration.DEFAULTS);
    }

    /** The least any reader of a report does: lower-case it and look at every character once. */
    @Benchmark
    public int lowerCaseAndScan() {
        String lower = texts.get(advance()).toLowerCase(Locale.ROOT);
        int letters = 0;
        for (int i = 0; i < lower.length(); i++) {
            letters += Character.isLetter(lower.charAt(i)) ? 1 : 0;
        }
        return letters;
    }
}
