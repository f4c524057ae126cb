package org.oncogate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oncogate.audit.AuditEntry;
import org.oncogate.audit.AuditLog;
import org.oncogate.job.JobJson;
import org.oncogate.job.JobService;
import org.oncogate.testing.MutableClock;
import org.oncogate.testing.PhiCanary;
import org.oncogate.testing.RunningGateway;
import org.oncogate.usage.UsageReport;

/**
 * The operator commands against a running gateway's data directory: break-glass to stdout and into
 * the audit log and the metrics, audit verify, and what the gateway itself audits across a restart.
 */
class OperatorCommandsTest {

    @TempDir
    Path folder;

    private final MutableClock clock = new MutableClock(Instant.now());

    @Test
    void breakGlassPrintsOnlyThePayloadAndIsAuditedAndCounted() throws Exception {
        try (RunningGateway gateway = RunningGateway.start(folder, clock, Map.of("oncogate.breakglass.on-call", "alice,bob"))) {
            String note = PhiCanary.patientLine() + "\nInvasive ductal carcinoma, pT1c pN0.";
            Files.writeString(gateway.inbox("default").resolve("P-7001.txt"), note);
            Path result = gateway.outbox("default").resolve("P-7001.result.json");
            RunningGateway.await("result", Duration.ofSeconds(30), () -> Files.exists(result));
            String job = JobJson.MAPPER.readTree(result.toFile()).get("id").asText();

            Run granted = run("breakglass", "--operator", "alice", "--incident", "INC-7", "--reason", "API down",
                    "--job", job, "--part", "input");
            Run refused = run("breakglass", "--operator", "mallory", "--incident", "INC-7", "--reason", "curious",
                    "--job", job);

            assertThat(granted.code).as(granted.err).isZero();
            assertThat(granted.out).as("the stored request, on stdout").contains(PhiCanary.MARKER).contains("pT1c pN0");
            assertThat(granted.err).doesNotContain(PhiCanary.MARKER);
            assertThat(refused.code).isEqualTo(2);
            assertThat(refused.out).isEmpty();
            assertThat(refused.err).contains("refused:not-on-call");
            String audit = Files.readString(gateway.dataDir().resolve("audit").resolve("audit.jsonl"));
            assertThat(audit).doesNotContain(PhiCanary.MARKER).doesNotContain("API down");
            RunningGateway.await("the start-up purge", Duration.ofSeconds(30), () -> actions().contains("purge.run"));
            String metrics = get(gateway.baseUrl() + "/observe/metrics");
            assertThat(metrics).containsPattern("oncogate_breakglass_attempts_total\\{[^}]*outcome=\"granted\"[^}]*} 1\\.0")
                    .containsPattern("oncogate_breakglass_attempts_total\\{[^}]*outcome=\"refused\"[^}]*} 1\\.0")
                    .containsPattern("oncogate_store_oldest_age_seconds\\{[^}]*} [0-9]")
                    .containsPattern("oncogate_purge_runs_total\\{[^}]*} [1-9]");

            Run verify = run("audit", "verify");
            assertThat(verify.code).as(verify.err).isZero();
            assertThat(verify.err).contains("intact");

            clock.advance(Duration.ofHours(1));
            assertThat(gateway.bean("usageReport", UsageReport.class).writeCompletedHours()).isEqualTo(1);
            Path report;
            try (Stream<Path> files = Files.list(gateway.dataDir().resolve("usage"))) {
                report = files.filter(f -> f.getFileName().toString().startsWith("usage-")).findFirst().orElseThrow();
            }
            JsonNode hour = JobJson.MAPPER.readTree(report.toFile()).get("breakGlass");
            assertThat(hour.get("granted").asLong()).as("granted in the hourly report").isEqualTo(1);
            assertThat(hour.get("refused").asLong()).as("refused in the hourly report").isEqualTo(1);
        }
    }

    @Test
    void theGatewayAuditsStartsStopsKeysPurgesAndSettingChanges() throws Exception {
        try (RunningGateway gateway = RunningGateway.start(folder, clock, Map.of())) {
            Files.writeString(gateway.inbox("default").resolve("P-7002.txt"), PhiCanary.patientLine() + "\npT2 pN1.");
            RunningGateway.await("result", Duration.ofSeconds(30),
                    () -> Files.exists(gateway.outbox("default").resolve("P-7002.result.json")));
        }
        clock.advance(Duration.ofHours(24));
        try (RunningGateway gateway = RunningGateway.start(folder, clock, Map.of("oncogate.retention", "PT12H"))) {
            RunningGateway.await("the start-up purge", Duration.ofSeconds(30),
                    () -> actions().stream().filter("purge.run"::equals).count() == 2);
        }
        List<AuditEntry> entries = AuditLog.open(folder.resolve("data").resolve("audit"), clock).entries();
        assertThat(entries).extracting(AuditEntry::action).containsSubsequence(
                "gateway.start", "key.create", "gateway.stop", "config.change", "gateway.start", "key.destroy",
                "purge.run", "gateway.stop");
        AuditEntry change = entries.stream().filter(e -> e.action().equals("config.change")).findFirst().orElseThrow();
        assertThat(change.objects()).containsEntry("setting", "retention").containsEntry("from", "PT24H")
                .containsEntry("to", "PT12H");
        AuditEntry purge = entries.stream().filter(e -> e.action().equals("purge.run"))
                .reduce((a, b) -> b).orElseThrow();
        assertThat(purge.objects()).containsEntry("buckets-destroyed", "1");
        assertThat(Files.readString(folder.resolve("data/audit/audit.jsonl"))).doesNotContain(PhiCanary.MARKER);
        assertThat(run("audit", "verify").code).isZero();
    }

    @Test
    void auditVerifyNamesTheBrokenLine() throws Exception {
        try (RunningGateway gateway = RunningGateway.start(folder, clock, Map.of())) {
            RunningGateway.await("the start-up purge", Duration.ofSeconds(30), () -> actions().contains("purge.run"));
        }
        Path log = folder.resolve("data/audit/audit.jsonl");
        List<String> lines = Files.readAllLines(log);
        Files.write(log, List.of(lines.get(1), lines.get(0), lines.get(2)));

        Run verify = run("audit", "verify");

        assertThat(verify.code).isEqualTo(1);
        assertThat(verify.err).contains("BROKEN at line 1");
        assertThat(run("audit", "verify", "--no-such-option").code).as("a command line that does not parse")
                .isEqualTo(OperatorCommands.USAGE);
    }

    @Test
    void keysRotateWhileTheGatewayRunsAndOldVersionsGoWithoutLosingAJob() throws Exception {
        Path kek = folder.resolve("dev-kek").resolve("kek.json");
        try (RunningGateway gateway = RunningGateway.start(folder, clock, Map.of())) {
            JobService jobs = gateway.bean("jobService", JobService.class);
            String before = submitAndAwait(gateway, "P-7101");
            String oldKek = Files.readString(kek);

            Run rotate = run("keys", "rotate");

            assertThat(rotate.code).as(rotate.err).isZero();
            assertThat(rotate.err).contains("1 bucket keyset(s) re-wrapped");
            assertThat(rotate.out).as("a file KEK is written, not printed").isEmpty();
            clock.advance(Duration.ofMinutes(15)); // the next job needs a new bucket keyset, under the new version
            String during = submitAndAwait(gateway, "P-7102");

            Run remove = run("keys", "remove-old");

            assertThat(remove.code).as(remove.err).isZero();
            assertThat(Files.readString(kek)).isNotEqualTo(oldKek);
            String after = submitAndAwait(gateway, "P-7103");
            for (String job : List.of(before, during, after)) {
                assertThat(jobs.find(job)).as("job %s in the running gateway", job).isPresent();
            }
        }
        try (RunningGateway restarted = RunningGateway.start(folder, clock, Map.of())) {
            JobService jobs = restarted.bean("jobService", JobService.class);
            List<String> ids = List.of("P-7101", "P-7102", "P-7103").stream().map(this::jobId).toList();
            for (String job : ids) {
                assertThat(jobs.find(job)).as("job %s after a restart with the new KEK only", job).isPresent();
            }
        }
        assertThat(actions()).contains("kek.rotate", "kek.remove-old");
        assertThat(run("audit", "verify").code).isZero();
    }

    private String submitAndAwait(RunningGateway gateway, String note) throws Exception {
        Files.writeString(gateway.inbox("default").resolve(note + ".txt"), PhiCanary.patientLine() + "\npT2 pN0.");
        RunningGateway.await(note, Duration.ofSeconds(30),
                () -> Files.exists(gateway.outbox("default").resolve(note + ".result.json")));
        return jobId(note);
    }

    private String jobId(String note) {
        try {
            return JobJson.MAPPER.readTree(folder.resolve("data/outbox/default").resolve(note + ".result.json").toFile())
                    .get("id").asText();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void everyMetricTheGrafanaDashboardQueriesIsServed() throws Exception {
        try (RunningGateway gateway = RunningGateway.start(folder, clock, Map.of())) {
            Files.writeString(gateway.inbox("default").resolve("P-7003.txt"), PhiCanary.patientLine() + "\npT1 pN0.");
            RunningGateway.await("result", Duration.ofSeconds(30),
                    () -> Files.exists(gateway.outbox("default").resolve("P-7003.result.json")));
            RunningGateway.await("the start-up purge", Duration.ofSeconds(30), () -> actions().contains("purge.run"));
            String metrics = get(gateway.baseUrl() + "/observe/metrics");
            JsonNode dashboard = JobJson.MAPPER.readTree(Path.of("config/grafana-dashboard.json").toFile());
            Set<String> queried = new TreeSet<>();
            for (JsonNode expr : dashboard.findValues("expr")) {
                Matcher names = Pattern.compile("\\b(oncogate|camel)_[a-z_]+").matcher(expr.asText());
                while (names.find()) {
                    queried.add(names.group());
                }
            }
            assertThat(queried).hasSizeGreaterThanOrEqualTo(8);
            for (String name : queried) {
                assertThat(metrics).as("served: %s", name).containsPattern("(?m)^" + name + "\\{");
            }
        }
    }

    private List<String> actions() {
        Path dir = folder.resolve("data").resolve("audit");
        if (!Files.exists(dir.resolve("audit.jsonl"))) {
            return List.of();
        }
        return AuditLog.open(dir, clock).entries().stream().map(AuditEntry::action).toList();
    }

    private record Run(int code, String out, String err) {
    }

    private Run run(String... args) {
        Properties overrides = new Properties();
        overrides.setProperty("oncogate.data-dir", folder.resolve("data").toString());
        overrides.setProperty("oncogate.kek", "dev");
        overrides.setProperty("oncogate.kek.dev-dir", folder.resolve("dev-kek").toString());
        overrides.setProperty("oncogate.breakglass.on-call", "alice,bob");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = OperatorCommands.run(args, overrides, clock, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static String get(String url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }
}
