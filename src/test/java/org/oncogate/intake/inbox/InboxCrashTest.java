package org.oncogate.intake.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oncogate.job.JobJson;
import org.oncogate.testing.GatewayProcess;
import org.oncogate.testing.PhiCanary;
import org.oncogate.testing.RunningGateway;

/**
 * Acknowledge after durability, under kill -9: the real gateway runs in a child JVM while notes
 * arrive in its inbox and is killed at random moments, several times. After a last clean start
 * every note has its result: nothing that left the inbox was lost, nothing is torn.
 *
 * <p>Small by default; the soak version runs with more rounds and files:
 * {@code ./mvnw -B test -Dtest=InboxCrashTest -Doncogate.crash.rounds=30 -Doncogate.crash.files=40}.
 */
class InboxCrashTest {

    private static final int ROUNDS = Integer.getInteger("oncogate.crash.rounds", 3);
    private static final int FILES_PER_ROUND = Integer.getInteger("oncogate.crash.files", 10);
    private static final long SEED = Long.getLong("oncogate.crash.seed", System.nanoTime());

    @TempDir
    Path folder;

    @Test
    void noNoteIsLostWhenTheGatewayIsKilledWhileTakingThem() throws Exception {
        Random random = new Random(SEED);
        System.out.println("InboxCrashTest seed " + SEED + ", rounds " + ROUNDS + ", files per round " + FILES_PER_ROUND);
        Path inbox = Files.createDirectories(folder.resolve("data/inbox/default"));
        List<String> sent = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            GatewayProcess gateway = startGateway().awaitHealthy();
            // notes keep arriving while the gateway works; it dies at a random moment among them
            int killAfter = random.nextInt(FILES_PER_ROUND);
            for (int i = 0; i < FILES_PER_ROUND; i++) {
                String name = "P-" + round + "-" + i;
                drop(inbox, name, random);
                sent.add(name);
                if (i == killAfter) {
                    Thread.sleep(random.nextInt(400));
                    gateway.kill();
                }
                Thread.sleep(random.nextInt(60));
            }
            System.out.printf("round %d killed after note %d: %d notes in the inbox, %d results of %d sent%n", round,
                    killAfter, count(inbox, ".txt"), count(folder.resolve("data/outbox/default"), ".result.json"),
                    sent.size());
        }
        try (GatewayProcess gateway = startGateway()) {
            Path outbox = folder.resolve("data/outbox/default");
            try {
                RunningGateway.await("a result for every note", Duration.ofSeconds(120),
                        () -> sent.stream().allMatch(name -> Files.exists(outbox.resolve(name + ".result.json"))));
            } catch (AssertionError e) {
                System.out.println(gateway.outputTail(40));
                throw e;
            }
            for (String name : sent) {
                JsonNode result = JobJson.MAPPER.readTree(outbox.resolve(name + ".result.json").toFile());
                assertThat(result.get("status").asText()).as("result of %s", name).isEqualTo("succeeded");
                assertThat(result.at("/result/patientResults/0/patientId").asText()).isEqualTo(name);
            }
            try (Stream<Path> left = Files.list(inbox)) {
                assertThat(left).as("inbox after recovery").isEmpty();
            }
        }
    }

    private static long count(Path dir, String suffix) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(suffix)).count();
        }
    }

    private static void drop(Path inbox, String name, Random random) throws IOException {
        String text = PhiCanary.patientLine() + "\nInvasive ductal carcinoma, pT" + (1 + random.nextInt(4)) + " pN0.";
        Path temp = inbox.getParent().resolve(name + ".tmp");
        Files.writeString(temp, text);
        Files.move(temp, inbox.resolve(name + ".txt"), StandardCopyOption.ATOMIC_MOVE);
    }

    private GatewayProcess startGateway() throws IOException {
        return GatewayProcess.start(folder, Map.of(
                "oncogate.inbox.poll-delay", "100",
                "oncogate.inbox.read-lock-min-age", "100"));
    }
}
