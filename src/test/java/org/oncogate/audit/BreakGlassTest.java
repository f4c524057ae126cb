package org.oncogate.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oncogate.job.JobService;
import org.oncogate.store.PayloadKind;
import org.oncogate.store.RegionalStore;
import org.oncogate.store.StoreTampering;
import org.oncogate.store.StoredPayload;
import org.oncogate.store.TestStores;
import org.oncogate.testing.MutableClock;
import org.oncogate.testing.PhiCanary;

/** Every refusal is audited and reads nothing; a grant is audited and durable before the payload is decrypted. */
class BreakGlassTest {

    private static final String JOB = "job-0001";
    private static final byte[] INPUT = ("{\"note\":\"" + PhiCanary.patientLine() + "\"}").getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path folder;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
    private final List<String> outcomesSeenAtRead = new ArrayList<>();
    private RegionalStore store;
    private AuditLog audit;
    private BreakGlass breakGlass;
    private StoredPayload stored;

    @BeforeEach
    void storeAJob() throws Exception {
        store = TestStores.store(folder.resolve("store"), "eu-west", TestStores.randomKek(), clock);
        stored = store.write(PayloadKind.INPUT, JOB, JobService.REQUEST, INPUT);
        audit = AuditLog.open(folder.resolve("audit"), clock);
        // the reader looks at what is durably in the log file, through a fresh log, at the moment of the read
        breakGlass = new BreakGlass(audit, Set.of("alice", "bob"), store, payload -> {
            AuditLog fromDisk = AuditLog.open(folder.resolve("audit"), clock);
            fromDisk.entries().forEach(e -> outcomesSeenAtRead.add(e.outcome()));
            return store.read(payload);
        });
    }

    @Test
    void anOnCallOperatorGetsThePayloadAfterTheGrantIsInTheLog() throws Exception {
        byte[] payload = breakGlass.open(request("alice", "INC-42", "pager: store unreadable by API", JOB));

        assertThat(payload).isEqualTo(INPUT);
        assertThat(outcomesSeenAtRead).as("audit entries on disk when the payload was decrypted")
                .containsExactly(BreakGlass.GRANTED);
        AuditEntry entry = audit.entries().get(0);
        assertThat(entry.actor()).isEqualTo("operator:alice");
        assertThat(entry.objects()).containsEntry("incident", "INC-42").containsEntry("job", JOB)
                .containsEntry("part", "input")
                .containsEntry("reason-sha256", AuditLog.sha256("pager: store unreadable by API"));
        assertThat(Files.readString(audit.file())).as("the reason text is not in the log")
                .doesNotContain("pager").doesNotContain(PhiCanary.MARKER);
        assertThat(AuditChain.verify(folder.resolve("audit")).intact()).isTrue();
    }

    @Test
    void aFailedDecryptionIsAuditedAfterItsGrant() throws Exception {
        StoreTampering.flipCiphertextBit(stored);

        assertThatThrownBy(() -> breakGlass.open(request("bob", "INC-43", "check", JOB)))
                .isInstanceOf(BreakGlassRefusedException.class)
                .satisfies(e -> assertThat(((BreakGlassRefusedException) e).outcome()).isEqualTo("failed:undecryptable"));
        assertThat(outcomesSeenAtRead).containsExactly(BreakGlass.GRANTED);
        assertThat(audit.entries()).extracting(AuditEntry::outcome)
                .containsExactly(BreakGlass.GRANTED, "failed:undecryptable");
    }

    @Test
    void anOperatorNotOnCallIsRefused() {
        assertRefused(request("mallory", "INC-1", "curious", JOB), "refused:not-on-call", "operator:mallory");
    }

    @Test
    void anOperatorIdThatIsNoIdIsRefused() {
        assertRefused(request(PhiCanary.patientLine(), "INC-1", "x", JOB), "refused:invalid-operator", "operator:invalid");
    }

    @Test
    void anEmptyIncidentIsRefused() {
        assertRefused(request("alice", "", "outage", JOB), "refused:missing-incident", "operator:alice");
        assertRefused(request("alice", "  ", "outage", JOB), "refused:missing-incident", "operator:alice");
    }

    @Test
    void anEmptyReasonIsRefused() {
        assertRefused(request("alice", "INC-1", " ", JOB), "refused:missing-reason", "operator:alice");
    }

    @Test
    void anUnknownJobIsRefused() {
        assertRefused(request("alice", "INC-1", "outage", "job-9999"), "refused:unknown-job", "operator:alice");
    }

    @Test
    void aJobWithoutResultYetIsRefusedForItsResult() {
        assertRefused(new BreakGlass.Request("alice", "INC-1", "outage", JOB, BreakGlass.Part.RESULT),
                "refused:unknown-job", "operator:alice");
    }

    @Test
    void anExpiredJobIsRefused() {
        clock.advance(Duration.ofHours(24));
        assertRefused(request("alice", "INC-1", "outage", JOB), "refused:expired-job", "operator:alice");
    }

    private void assertRefused(BreakGlass.Request request, String outcome, String actor) {
        int before = audit.entries().size();
        assertThatThrownBy(() -> breakGlass.open(request))
                .isInstanceOf(BreakGlassRefusedException.class)
                .hasMessageNotContaining(PhiCanary.MARKER)
                .satisfies(e -> assertThat(((BreakGlassRefusedException) e).outcome()).isEqualTo(outcome));
        assertThat(outcomesSeenAtRead).as("nothing was decrypted").isEmpty();
        List<AuditEntry> entries = audit.entries();
        assertThat(entries).hasSize(before + 1);
        AuditEntry entry = entries.get(entries.size() - 1);
        assertThat(entry.action()).isEqualTo(BreakGlass.ACTION);
        assertThat(entry.outcome()).isEqualTo(outcome);
        assertThat(entry.actor()).isEqualTo(actor);
    }

    private static BreakGlass.Request request(String operator, String incident, String reason, String job) {
        return new BreakGlass.Request(operator, incident, reason, job, BreakGlass.Part.INPUT);
    }
}
