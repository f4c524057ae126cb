package org.oncogate.intake.hl7;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.app.Connection;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.parser.CanonicalModelClassFactory;
import ca.uhn.hl7v2.util.Terser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oncogate.job.JobRecord;
import org.oncogate.job.JobService;
import org.oncogate.store.PayloadKind;
import org.oncogate.store.RegionalStore;
import org.oncogate.testing.MutableClock;
import org.oncogate.testing.PhiCanary;
import org.oncogate.testing.RunningGateway;

/**
 * HL7 v2 over real MLLP sockets, sent with HAPI's own client: the shipped samples are acknowledged
 * AA once stored and get their inferences; resends are stored once; what can never be accepted
 * gets an AR with its reason; the listener keeps serving.
 */
class Hl7EndToEndTest {

    @TempDir
    static Path folder;
    static RunningGateway gateway;
    static HapiContext hapi;
    static Connection connection;

    @BeforeAll
    static void start() throws Exception {
        gateway = RunningGateway.start(folder, new MutableClock(Instant.now()), Map.of(
                "oncogate.hl7.senders", "LIS^GENHOSP=default,RIS^FARHOSP=abroad",
                "oncogate.subscriptions", "default,abroad",
                "oncogate.subscription.abroad.region", "us-east",
                "oncogate.subscription.abroad.key-sha256",
                "6719bae6b9740b8f8c197ceead84aa0744972e6f21b64ac9509296c1f028b983"));
        hapi = new DefaultHapiContext(new CanonicalModelClassFactory("2.6"));
        hapi.getParserConfiguration().setValidating(false);
        hapi.getParserConfiguration().setIdGenerator(new ca.uhn.hl7v2.util.idgenerator.InMemoryIDGenerator());
        connection = hapi.newClient("localhost", gateway.hl7Port(), false);
    }

    @AfterAll
    static void stop() throws IOException {
        connection.close();
        hapi.close();
        gateway.close();
    }

    @Test
    void everySampleIsAcknowledgedOnceStoredAndGetsItsInferences() throws Exception {
        List<Path> samples;
        try (Stream<Path> files = Files.list(Path.of("samples/hl7"))) {
            samples = files.filter(f -> f.toString().endsWith(".hl7")).sorted().toList();
        }
        assertThat(samples).hasSizeGreaterThanOrEqualTo(4);
        JobService jobs = gateway.bean("jobService", JobService.class);
        for (Path sample : samples) {
            Message ack = send(Files.readString(sample));
            Terser terser = new Terser(ack);
            assertThat(terser.get("MSA-1")).as("ACK of %s", sample.getFileName()).isEqualTo("AA");
            String jobId = terser.get("MSA-3").replaceFirst("^job ", "");
            assertThat(jobs.find(jobId)).as("job of %s is stored", sample.getFileName()).isPresent();
            RunningGateway.await("inference of " + sample.getFileName(), Duration.ofSeconds(30),
                    () -> finished(jobs, jobId));
            assertThat(jobs.find(jobId).orElseThrow().state().status().wireName()).isEqualTo("succeeded");
        }
    }

    @Test
    void aResendOfTheSameMessageIsStoredOnceAndAcknowledgedAgain() throws Exception {
        String message = oru("RESEND-0001", "Invasive ductal carcinoma of the left breast, pT1c pN0.");
        RegionalStore store = gateway.bean("regionalStore", RegionalStore.class);
        Message first = send(message);
        int stored = store.list(PayloadKind.INPUT).size();
        Message again = send(message);
        assertThat(new Terser(again).get("MSA-1")).isEqualTo("AA");
        assertThat(new Terser(again).get("MSA-3")).isEqualTo(new Terser(first).get("MSA-3"));
        assertThat(store.list(PayloadKind.INPUT)).as("stored once").hasSize(stored);
    }

    @Test
    void whatCanNeverBeAcceptedGetsAnArWithItsReason() throws Exception {
        assertRejected(send(oru("BAD-0001", "Some report.").replace("LIS|GENHOSP", "LIS|OTHERHOSP")), "UnknownSender");
        assertRejected(send(oru("BAD-0002", "Some report.").replace("LIS|GENHOSP", "RIS|FARHOSP")),
                "SubscriptionRegionMismatch");
        assertRejected(send(oru("BAD-0003", "Some report.").replace("ORU^R01^ORU_R01", "ADT^A01^ADT_A01")),
                "UnsupportedMessageType");
        assertRejected(send(oru("BAD-0004", "Some report.").replaceFirst("PID\\|1\\|\\|[^|]*\\|", "PID|1|||")),
                "MissingPatientId");
        String garbage = rawExchange("this is not HL7 " + PhiCanary.MARKER);
        assertThat(garbage).contains("MSA|AR");
        assertThat(garbage).doesNotContain(PhiCanary.MARKER);
        assertThat(new Terser(send(oru("OK-0001", "Adenocarcinoma of the prostate, pT2 pN0."))).get("MSA-1"))
                .as("still serving").isEqualTo("AA");
    }

    private static void assertRejected(Message ack, String reason) throws Exception {
        Terser terser = new Terser(ack);
        assertThat(terser.get("MSA-1")).isEqualTo("AR");
        assertThat(terser.get("MSA-3")).startsWith(reason);
        assertThat(ack.encode()).doesNotContain(PhiCanary.MARKER);
    }

    private static boolean finished(JobService jobs, String id) {
        try {
            return jobs.find(id).map(JobRecord::state).map(s -> s.status().isFinal()).orElse(false);
        } catch (IOException e) {
            return false;
        }
    }

    private static Message send(String er7) throws Exception {
        return connection.getInitiator().sendAndReceive(hapi.getPipeParser().parse(er7));
    }

    /** Sends bytes that HAPI would refuse to send, in an MLLP frame, and reads the answer. */
    private static String rawExchange(String payload) throws IOException {
        try (RawMllpClient client = new RawMllpClient(gateway.hl7Port(), Duration.ofSeconds(10))) {
            return client.exchange(payload);
        }
    }

    /** A minimal ORU^R01: MSH (sender LIS^GENHOSP), PID-3 patient id, OBR-4 pathology study, one TX OBX. */
    static String oru(String controlId, String text) {
        return String.join("\r",
                "MSH|^~\\&|LIS|GENHOSP|ONCOGATE|REGION|20261129101500||ORU^R01^ORU_R01|" + controlId + "|P|2.5.1",
                "PID|1||MRN-" + controlId + "^^^GENHOSP^MR||" + PhiCanary.MARKER + "^TEST",
                "OBR|1|PL-" + controlId + "|FL-" + controlId + "|11526-1^Pathology study^LN|||20261128090000",
                "OBX|1|TX|22637-3^Pathology report final diagnosis^LN||" + text + "||||||F") + "\r";
    }
}
