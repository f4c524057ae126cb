package org.oncogate.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The FHIR load driver on a tiny load: every notification answered 200, every job inferred, a complete report. */
class FhirBenchmarkSmokeTest {

    @TempDir
    Path reports;

    @Test
    void thirtyNotificationsAtTwoConcurrenciesAreAllAnsweredAndInferred() throws Exception {
        // rounds of 5 notifications are too short for a steady JIT share: a short cap keeps the test short
        FhirBenchSettings settings = FhirBenchSettings.defaults().withLoad(List.of(1, 3), 30, 5)
                .withWarmupMax(Duration.ofSeconds(1)).withOutputDir(reports);

        FhirBenchReport report = FhirBenchmark.run(settings, new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8));

        assertThat(report.failures()).as("answers other than 200, warm-up included").isEmpty();
        assertThat(report.rows()).extracting(FhirBenchReport.Row::concurrency).containsExactly(1, 3);
        for (FhirBenchReport.Row row : report.rows()) {
            assertThat(row.baseline().count()).isEqualTo(30);
            assertThat(row.gateway().count()).isEqualTo(30);
            assertThat(row.processedPerSecond()).as("jobs inferred").isPositive();
        }
        assertThat(report.table()).contains("baseline", "notify", "failures: none");
        assertThat(report.write(reports).getFileName().toString()).startsWith("fhir-").endsWith(".json");
    }
}
