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
import org.oncogate.job.JobJson;

/**
 * The HL7 load driver on a tiny load against the real MLLP intake and its baseline: every message is
 * AA'd and the report holds the rows and settings it promises. Behaviour only; numbers are not judged.
 */
class Hl7BenchmarkSmokeTest {

    @TempDir
    Path reports;

    @Test
    void fiftyMessagesAtConcurrencyTwoAreAllAcknowledgedAaAndTheReportIsComplete() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        // rounds of 10 messages are too short for a steady JIT share: a short cap keeps the test short
        Hl7BenchSettings settings = Hl7BenchSettings.defaults().withClosedLoop(List.of(2), 50, 10)
                .withWarmupMax(Duration.ofSeconds(1)).withOpenLoop(List.of(25), 2, 2).withOutputDir(reports);

        Hl7BenchReport report = Hl7Benchmark.run(settings, new PrintStream(printed, true, StandardCharsets.UTF_8));

        assertThat(report.notAa()).as("messages answered other than AA, warm-up included").isZero();
        assertThat(report.failures()).isEmpty();
        assertThat(report.results()).extracting(r -> r.target() + " " + r.mode())
                .containsExactly("baseline closed", "gateway closed", "baseline open", "gateway open");
        for (String target : List.of("baseline", "gateway")) {
            Hl7Result closed = report.result(target, "closed", 2);
            assertThat(closed.ack().count()).as("%s closed loop: messages AA'd", target).isEqualTo(50);
            assertThat(closed.connections()).isEqualTo(2);
            assertThat(closed.notAa()).isZero();
            Hl7Result open = report.result(target, "open", 25);
            assertThat(open.ack().count()).as("%s open loop: 25/s for 2 s, all AA'd", target).isEqualTo(50);
        }
        assertThat(report.result("gateway", "closed", 2).processedPerSecond())
                .as("the gateway's rows say when inference caught up").isPositive();
        assertThat(report.settings()).containsKeys("messageBytes", "reportChars", "concurrencies", "rates");
        assertThat(report.environment()).containsKeys("cores", "javaVersion", "loadAverageAtStart");
        assertThat(report.table()).contains("baseline", "gateway", "not AA: 0");
        assertThat(printed.toString(StandardCharsets.UTF_8)).as("progress lines").contains("gateway/2", "100%");

        Path written = report.write(reports);
        assertThat(written.getFileName().toString()).startsWith("hl7-").endsWith(".json");
        assertThat(JobJson.MAPPER.readTree(written.toFile()).at("/results/1/target").asText()).isEqualTo("gateway");
    }
}
