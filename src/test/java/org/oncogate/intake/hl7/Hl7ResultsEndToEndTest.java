package org.oncogate.intake.hl7;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.app.Connection;
import ca.uhn.hl7v2.app.HL7Service;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.parser.CanonicalModelClassFactory;
import ca.uhn.hl7v2.protocol.ReceivingApplication;
import ca.uhn.hl7v2.util.Terser;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oncogate.job.JobRecord;
import org.oncogate.job.JobService;
import org.oncogate.testing.MutableClock;
import org.oncogate.testing.RunningGateway;

/**
 * With {@code oncogate.hl7.results.uri} set, a finished HL7 job goes back as an ORU^R01 with one
 * coded OBX per inference, to a real MLLP receiver (HAPI's own server), once.
 */
class Hl7ResultsEndToEndTest {

    @TempDir
    Path folder;

    @Test
    void aFinishedJobIsSentBackAsCodedOruOnce() throws Exception {
        int receiverPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            receiverPort = socket.getLocalPort();
        }
        List<Message> received = new CopyOnWriteArrayList<>();
        try (HapiContext hapi = new DefaultHapiContext(new CanonicalModelClassFactory("2.6"))) {
            hapi.getParserConfiguration().setIdGenerator(new ca.uhn.hl7v2.util.idgenerator.InMemoryIDGenerator());
            HL7Service receiver = hapi.newServer(receiverPort, false);
            receiver.registerApplication("ORU", "R01", new ReceivingApplication<Message>() {
                @Override
                public Message processMessage(Message message, Map<String, Object> metadata) throws ca.uhn.hl7v2.HL7Exception {
                    received.add(message);
                    try {
                        return message.generateACK();
                    } catch (IOException e) {
                        throw new ca.uhn.hl7v2.HL7Exception(e);
                    }
                }

                @Override
                public boolean canProcess(Message message) {
                    return true;
                }
            });
            receiver.startAndWait();
            try (RunningGateway gateway = RunningGateway.start(folder, new MutableClock(Instant.now()),
                    Map.of("oncogate.hl7.results.uri", "mllp:localhost:" + receiverPort))) {
                Connection connection = hapi.newClient("localhost", gateway.hl7Port(), false);
                Message ack = connection.getInitiator().sendAndReceive(hapi.getPipeParser().parse(
                        Hl7EndToEndTest.oru("RES-0001", "Right upper lobe: adenocarcinoma of the lung, pT2a pN1 M0.")));
                String jobId = new Terser(ack).get("MSA-3").replaceFirst("^job ", "");
                RunningGateway.await("the result ORU", Duration.ofSeconds(30), () -> !received.isEmpty());

                Terser oru = new Terser(received.get(0));
                assertThat(oru.get("MSH-9-1")).isEqualTo("ORU");
                assertThat(oru.get("/PATIENT_RESULT/PATIENT/PID-3-1")).isEqualTo("MRN-RES-0001");
                assertThat(oru.get("/PATIENT_RESULT/ORDER_OBSERVATION/OBR-2")).as("the original MSH-10")
                        .isEqualTo("RES-0001");
                assertThat(oru.get("/PATIENT_RESULT/ORDER_OBSERVATION/OBR-3")).isEqualTo(jobId);
                Map<String, String> valueByLoinc = new HashMap<>();
                for (int i = 0; i < 10; i++) {
                    String code = oru.get("/PATIENT_RESULT/ORDER_OBSERVATION/OBSERVATION(" + i + ")/OBX-3-1");
                    if (code != null) {
                        valueByLoinc.put(code, oru.get("/PATIENT_RESULT/ORDER_OBSERVATION/OBSERVATION(" + i + ")/OBX-5-1"));
                    }
                }
                assertThat(valueByLoinc).containsEntry("21855-2", "C34.1").containsEntry("31205-8", "8140")
                        .containsEntry("21899-0", "T2").containsEntry("21900-6", "N+");

                JobService jobs = gateway.bean("jobService", JobService.class);
                RunningGateway.await("the delivery to be recorded", Duration.ofSeconds(10), () -> {
                    try {
                        return jobs.find(jobId).map(JobRecord::delivered).orElse(false);
                    } catch (IOException e) {
                        return false;
                    }
                });
                assertThat(gateway.bean("hl7Results", Hl7Results.class).oru(jobs.find(jobId).orElseThrow()))
                        .as("a delivered job gets no second ORU").isEmpty();
                assertThat(received).as("sent once").hasSize(1);
                connection.close();
            } finally {
                receiver.stopAndWait();
            }
        }
    }
}
