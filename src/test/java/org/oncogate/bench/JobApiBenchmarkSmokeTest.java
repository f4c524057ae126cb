package org.oncogate.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oncogate.job.JobJson;

/**
 * The load driver on a tiny load against the real job API: every job succeeds and the report holds
 * the numbers and settings it promises. Behaviour only; the numbers themselves are not judged here.
 */
class JobApiBenchmarkSmokeTest {

    @TempDir
    Path reports;

    @Test
    void twentyJobsAtConcurrencyTwoAllSucceedAndTheReportIsComplete() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        BenchSettings settings = BenchSettings.defaults().withLoad(2, 20, 4).withOutputDir(reports);

        BenchReport report = JobApiBenchmark.run(settings, new PrintStream(printed, true, StandardCharsets.UTF_8));

        assertThat(report.outcomes()).as("how the 20 measured jobs ended").containsEntry("succeeded", 20L);
        assertThat(report.notSucceeded()).isZero();
        assertThat(report.failures()).as("unexpected answers, warm-up included").isEmpty();
        assertThat(report.phases()).extracting(PhaseResult::phase).containsExactly("baseline", "submit", "completed");
        assertThat(report.phase("baseline").count()).as("baseline requests answered 202").isEqualTo(20);
        assertThat(report.phase("submit").count()).as("submissions answered 202").isEqualTo(20);
        assertThat(report.phase("completed").count()).as("jobs seen succeeded").isEqualTo(20);
        assertThat(report.inGateway().count()).isEqualTo(20);
        assertThat(report.polls()).as("each job polled at least once").isGreaterThanOrEqualTo(20);
        assertThat(report.settings()).containsEntry("concurrency", 2).containsEntry("jobs", 20)
                .containsKeys("noteChars", "requestBytes", "pollCapMs");
        assertThat(report.environment()).containsKeys("cores", "jvm", "javaVersion");
        assertThat(report.table()).contains("baseline", "submit", "completed", "not succeeded: 0");
        assertThat(printed.toString(StandardCharsets.UTF_8)).as("progress lines").contains("completed  100%");

        Path written = report.write(reports);
        assertThat(written.getFileName().toString()).startsWith("job-api-").endsWith(".json");
        assertThat(JobJson.MAPPER.readTree(written.toFile()).at("/phases/2/phase").asText()).isEqualTo("completed");
    }
}
