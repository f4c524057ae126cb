package org.oncogate.intake.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oncogate.job.JobJson;
import org.oncogate.store.PayloadKind;
import org.oncogate.store.RegionalStore;
import org.oncogate.store.StoredPayload;
import org.oncogate.testing.MutableClock;
import org.oncogate.testing.PhiCanary;
import org.oncogate.testing.RunningGateway;

/**
 * Bad inbox files each end in the encrypted quarantine, byte for byte, with a plain error report
 * that says what was wrong and where without quoting the file; the gateway keeps working.
 */
class InboxRefusalTest {

    @TempDir
    static Path folder;
    static RunningGateway gateway;
    static final Map<String, String> expectedCodes = new LinkedHashMap<>();
    static final Map<String, byte[]> dropped = new LinkedHashMap<>();

    @BeforeAll
    static void dropBadFiles() throws Exception {
        gateway = RunningGateway.start(folder, new MutableClock(Instant.now()), Map.of());
        Path inbox = gateway.inbox("default");
        String canary = PhiCanary.patientLine();
        byte[] invalidUtf8 = (canary + " pT2 N0 \u00e9").getBytes(StandardCharsets.UTF_8);
        invalidUtf8 = Arrays.copyOf(invalidUtf8, invalidUtf8.length + 2);
        invalidUtf8[invalidUtf8.length - 2] = (byte) 0xC3; // a lead byte ...
        invalidUtf8[invalidUtf8.length - 1] = (byte) 0x28; // ... followed by a non-continuation byte
        drop(inbox, "P-2001.txt", invalidUtf8, "InvalidEncoding");
        drop(inbox, "broken.json", ("{\"patients\": [ {\"id\": \"" + canary + "\" ").getBytes(StandardCharsets.UTF_8),
                "InvalidRequestBody");
        drop(inbox, "empty.txt", new byte[0], "EmptyFile");
        drop(inbox, "wrong-language.json", ("{\"patients\":[{\"id\":\"P-2002\",\"patientDocuments\":[{\"type\":\"note\","
                + "\"clinicalType\":\"pathologyReport\",\"id\":\"d1\",\"language\":\"fr\",\"content\":{\"sourceType\":"
                + "\"inline\",\"value\":\"" + canary + " carcinome\"}}]}]}").getBytes(StandardCharsets.UTF_8),
                "UnsupportedLanguage");
        drop(inbox, "scan.pdf", (canary + " %PDF-1.7").getBytes(StandardCharsets.UTF_8), "UnsupportedFileType");
        drop(gateway.inbox("no-such-subscription"), "P-2003.txt", (canary + " pT1 N0").getBytes(StandardCharsets.UTF_8),
                "UnknownSubscription");
        Path large = inbox.getParent().resolve("large.tmp");
        try (RandomAccessFile file = new RandomAccessFile(large.toFile(), "rw")) {
            file.write(canary.getBytes(StandardCharsets.UTF_8));
            file.setLength(50L * 1024 * 1024);
        }
        Files.move(large, inbox.resolve("large.txt"));
        expectedCodes.put("large", "FileTooLarge");
        RunningGateway.await("an error report per bad file", Duration.ofSeconds(60), () ->
                expectedCodes.keySet().stream().allMatch(name -> Files.exists(report(name))));
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @Test
    void eachBadFileGetsAnErrorReportNamingTheProblemWithoutItsContent() throws IOException {
        for (Map.Entry<String, String> expected : expectedCodes.entrySet()) {
            String report = Files.readString(report(expected.getKey()));
            JsonNode json = JobJson.MAPPER.readTree(report);
            assertThat(json.at("/error/code").asText()).as("error code for %s", expected.getKey())
                    .isEqualTo(expected.getValue());
            assertThat(json.at("/error/message").asText()).isNotBlank();
            assertThat(json.get("quarantineId").asText()).isNotBlank();
            assertThat(report).as("report for %s", expected.getKey()).doesNotContain(PhiCanary.MARKER);
        }
        JsonNode encoding = JobJson.MAPPER.readTree(report("P-2001").toFile());
        assertThat(encoding.at("/error/target").asText()).as("where the bad byte is").startsWith("byte ");
        JsonNode language = JobJson.MAPPER.readTree(report("wrong-language").toFile());
        assertThat(language.at("/error/target").asText()).isEqualTo("patients[0].patientDocuments[0].language");
    }

    @Test
    void everyBadFileIsInTheQuarantineByteForByteAndTheInboxIsEmpty() throws Exception {
        RegionalStore store = gateway.bean("regionalStore", RegionalStore.class);
        long quarantined = store.list(PayloadKind.QUARANTINE).stream().filter(p -> p.part().equals("input")).count();
        assertThat(quarantined).isEqualTo(expectedCodes.size());
        for (Map.Entry<String, byte[]> file : dropped.entrySet()) {
            String quarantineId = JobJson.MAPPER.readTree(report(file.getKey()).toFile()).get("quarantineId").asText();
            StoredPayload input = store.find(PayloadKind.QUARANTINE, quarantineId, "input").orElseThrow();
            assertThat(store.read(input)).as("quarantined bytes of %s", file.getKey()).isEqualTo(file.getValue());
        }
        String largeId = JobJson.MAPPER.readTree(report("large").toFile()).get("quarantineId").asText();
        StoredPayload large = store.find(PayloadKind.QUARANTINE, largeId, "input").orElseThrow();
        assertThat(store.read(large)).hasSize(50 * 1024 * 1024);
        try (Stream<Path> left = Files.walk(gateway.dataDir().resolve("inbox"))) {
            assertThat(left.filter(Files::isRegularFile)).as("inbox files left").isEmpty();
        }
    }

    @Test
    void theGatewayKeepsWorkingAfterwards() throws Exception {
        Path inbox = gateway.inbox("default");
        InboxEndToEndTest.writeAtomically(inbox.resolve("P-2004.txt"),
                (PhiCanary.patientLine() + "\nInvasive ductal carcinoma, pT1c pN0.").getBytes(StandardCharsets.UTF_8));
        Path result = gateway.outbox("default").resolve("P-2004.result.json");
        RunningGateway.await("the good file's result", Duration.ofSeconds(30), () -> Files.exists(result));
        assertThat(JobJson.MAPPER.readTree(result.toFile()).get("status").asText()).isEqualTo("succeeded");
    }

    private static void drop(Path inbox, String name, byte[] bytes, String code) throws IOException {
        InboxEndToEndTest.writeAtomically(inbox.resolve(name), bytes);
        String base = name.substring(0, name.lastIndexOf('.'));
        expectedCodes.put(base, code);
        dropped.put(base, bytes);
    }

    private static Path report(String baseName) {
        Path outbox = gateway.outbox(baseName.equals("P-2003") ? "no-such-subscription" : "default");
        return outbox.resolve(baseName + ".error.json");
    }
}
