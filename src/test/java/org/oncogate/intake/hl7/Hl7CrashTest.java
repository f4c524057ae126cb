package org.oncogate.intake.hl7;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oncogate.job.JobJson;
import org.oncogate.testing.GatewayProcess;
import org.oncogate.testing.RunningGateway;

/**
 * AA after durability, under kill -9: the real gateway runs in a child JVM while clients stream ORU
 * messages to it over MLLP (each with its own MSH-10), and is killed at random moments of the stream,
 * several times. After a last clean start, which takes the rest of the stream, every message that got an AA is a job the job API serves (200)
 * and that succeeds: its encrypted input was on disk, whole, before the AA.
 *
 * <p>Small by default; the soak version:
 * {@code ./mvnw -B test -Dtest=Hl7CrashTest -Doncogate.hl7crash.messages=100000 -Doncogate.hl7crash.rounds=30}.
 */
class Hl7CrashTest {

    private static final int ROUNDS = Integer.getInteger("oncogate.hl7crash.rounds", 3);
    private static final int MESSAGES = Integer.getInteger("oncogate.hl7crash.messages", 100);
    private static final int CONNECTIONS = Integer.getInteger("oncogate.hl7crash.connections", 2);
    private static final long SEED = Long.getLong("oncogate.hl7crash.seed", System.nanoTime());
    private static final String KEY = "oncogate-dev-key";

    @TempDir
    Path folder;

    /** MSH-10 of every message that got an AA, with the job id its MSA-3 named. */
    private final Map<String, String> acknowledged = new ConcurrentHashMap<>();
    private final AtomicInteger nextMessage = new AtomicInteger();
    private final AtomicInteger answered = new AtomicInteger();
    /** Answers that are neither an AA for the message sent nor a lost connection. */
    private final List<String> wrongAnswers = java.util.Collections.synchronizedList(new ArrayList<>());

    @Test
    void everyAcknowledgedMessageSurvivesKill9() throws Exception {
        Random random = new Random(SEED);
        System.out.printf("Hl7CrashTest seed %d, rounds %d, messages %d, connections %d%n", SEED, ROUNDS, MESSAGES,
                CONNECTIONS);
        // the kills land at random points of one stream of MESSAGES messages; the last start takes the rest
        int[] killPoints = random.ints(ROUNDS, 0, MESSAGES).sorted().toArray();
        for (int round = 0; round < ROUNDS; round++) {
            try (GatewayProcess gateway = GatewayProcess.start(folder, Map.of()).awaitHealthy()) {
                int killAt = killPoints[round];
                List<Thread> streams = stream(gateway);
                RunningGateway.await("answer " + killAt, Duration.ofMinutes(10),
                        () -> answered.get() >= killAt || streams.stream().noneMatch(Thread::isAlive));
                // land in the middle of whatever the gateway is doing: parsing, encrypting, fsync, ACK
                Thread.sleep(random.nextInt(20));
                gateway.kill();
                join(streams);
                System.out.printf("round %d: killed after about %d answers; %d messages sent, %d AA so far%n", round,
                        killAt, nextMessage.get(), acknowledged.size());
            }
        }
        try (GatewayProcess gateway = GatewayProcess.start(folder, Map.of()).awaitHealthy()) {
            join(stream(gateway));
            assertThat(wrongAnswers).as("answers other than AA").isEmpty();
            assertThat(acknowledged).as("acknowledged messages").isNotEmpty();
            System.out.printf("%d messages sent, %d AA%n", Math.min(nextMessage.get(), MESSAGES), acknowledged.size());
            try {
                assertEveryAcknowledgedJobSucceeds(gateway);
            } catch (AssertionError e) {
                System.out.println(gateway.outputTail(40));
                throw e;
            }
        }
    }

    private static void join(List<Thread> streams) throws InterruptedException {
        for (Thread stream : streams) {
            stream.join();
        }
    }

    /**
     * Clients that send ORUs with new MSH-10s until MESSAGES were sent or the gateway dies. Each read
     * has a deadline (60 s), so a gateway that stops answering ends the stream instead of hanging it.
     */
    private List<Thread> stream(GatewayProcess gateway) {
        List<Thread> streams = new ArrayList<>();
        for (int c = 0; c < CONNECTIONS; c++) {
            Thread stream = new Thread(() -> {
                try (RawMllpClient client = new RawMllpClient(gateway.hl7Port(), Duration.ofSeconds(60))) {
                    for (int n = nextMessage.getAndIncrement(); n < MESSAGES; n = nextMessage.getAndIncrement()) {
                        String controlId = "CRASH-" + n;
                        String ack = client.exchange(Hl7EndToEndTest.oru(controlId,
                                "Invasive ductal carcinoma of the breast, pT" + (1 + n % 4) + " pN0."));
                        if (ack == null) {
                            return; // killed before it answered: this message was never acknowledged
                        }
                        answered.incrementAndGet();
                        if ("AA".equals(RawMllpClient.msa(ack, 1)) && controlId.equals(RawMllpClient.msa(ack, 2))) {
                            acknowledged.put(controlId, RawMllpClient.msa(ack, 3).replaceFirst("^job ", ""));
                        } else {
                            wrongAnswers.add(controlId + ": " + RawMllpClient.msa(ack, 1) + " for "
                                    + RawMllpClient.msa(ack, 2) + ", " + RawMllpClient.msa(ack, 3));
                        }
                    }
                } catch (IOException killed) {
                    // the connection broke with the gateway: the message in flight has no AA
                }
            }, "hl7-crash-stream-" + c);
            stream.start();
            streams.add(stream);
        }
        return streams;
    }

    private void assertEveryAcknowledgedJobSucceeds(GatewayProcess gateway) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (Map.Entry<String, String> message : acknowledged.entrySet()) {
            String controlId = message.getKey();
            HttpRequest read = HttpRequest.newBuilder(URI.create(gateway.baseUrl()
                            + "/health-insights/onco-phenotype/jobs/" + message.getValue()
                            + "?api-version=2023-09-01-preview"))
                    .header("Ocp-Apim-Subscription-Key", KEY).build();
            JsonNode[] job = new JsonNode[1];
            RunningGateway.await("job of " + controlId + " to succeed", Duration.ofMinutes(2), () -> {
                try {
                    HttpResponse<String> response = http.send(read, HttpResponse.BodyHandlers.ofString());
                    assertThat(response.statusCode()).as("job API status for %s", controlId).isEqualTo(200);
                    job[0] = JobJson.MAPPER.readTree(response.body());
                    return !job[0].get("status").asText().matches("notStarted|running");
                } catch (IOException e) {
                    throw new AssertionError("reading the job of " + controlId, e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            });
            assertThat(job[0].get("status").asText()).as("status of %s", controlId).isEqualTo("succeeded");
            assertThat(job[0].at("/result/patientResults/0/patientId").asText()).as("patient of %s", controlId)
                    .isEqualTo("MRN-" + controlId);
        }
        System.out.printf("all %d acknowledged messages are stored, decrypt and succeeded%n", acknowledged.size());
    }
}
