package org.oncogate.intake.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oncogate.intake.api.OpenApiContract;
import org.oncogate.job.JobJson;
import org.oncogate.store.PayloadKind;
import org.oncogate.store.PayloadUnavailableException;
import org.oncogate.store.RegionalStore;
import org.oncogate.store.StoreTampering;
import org.oncogate.store.StoredPayload;
import org.oncogate.testing.MutableClock;
import org.oncogate.testing.PhiCanary;
import org.oncogate.testing.RunningGateway;

/**
 * The inbox path end to end on the real routes: the shipped samples (with the PHI canary added)
 * dropped in the inbox come out as results whose evidence points at the submitted words, and
 * nothing of them is left in plaintext anywhere else under data/.
 */
class InboxEndToEndTest {

    private static final String NOTE = "P-1001__S26-4411__pathologyReport";
    private static final String JOB = "lung-lobectomy";

    @TempDir
    static Path folder;
    static RunningGateway gateway;
    static final Map<String, String> submitted = new HashMap<>();

    @BeforeAll
    static void dropSamplesAndWaitForResults() throws Exception {
        gateway = RunningGateway.start(folder, new MutableClock(Instant.now()), Map.of());
        Path samples = Path.of("samples/inbox/default");
        String note = PhiCanary.patientLine() + "\n" + Files.readString(samples.resolve(NOTE + ".txt"));
        submitted.put("S26-4411", note);
        JsonNode job = JobJson.MAPPER.readTree(samples.resolve(JOB + ".json").toFile());
        for (JsonNode document : job.at("/patients/0/patientDocuments")) {
            String text = PhiCanary.patientLine() + " " + document.at("/content/value").asText();
            ((com.fasterxml.jackson.databind.node.ObjectNode) document.get("content")).put("value", text);
            submitted.put(document.get("id").asText(), text);
        }
        Path inbox = gateway.inbox("default");
        writeAtomically(inbox.resolve(NOTE + ".txt"), note.getBytes(StandardCharsets.UTF_8));
        writeAtomically(inbox.resolve(JOB + ".json"), JobJson.MAPPER.writeValueAsBytes(job));
        RunningGateway.await("both results", Duration.ofSeconds(30), () ->
                Files.exists(result(NOTE)) && Files.exists(result(JOB)));
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @Test
    void noteResultCarriesStageAndHistologyWithEvidenceOnTheSubmittedWords() throws IOException {
        JsonNode state = JobJson.MAPPER.readTree(result(NOTE).toFile());
        assertThat(state.get("status").asText()).isEqualTo("succeeded");
        JsonNode patient = state.at("/result/patientResults/0");
        assertThat(patient.get("patientId").asText()).as("patient id from the file name").isEqualTo("P-1001");
        assertThat(value(patient, "histology")).as("invasive ductal carcinoma").isEqualTo("8500");
        assertThat(value(patient, "pathologicStageT")).isEqualTo("T2");
        assertThat(value(patient, "pathologicStageN")).as("pN0(sn) collapses to N0").isEqualTo("N0");
        assertThat(value(patient, "pathologicStageM")).isEqualTo("None");
        assertThat(evidenceTexts(patient, "pathologicStageT")).anyMatch(t -> t.contains("pT2"));
        assertThat(evidenceTexts(patient, "histology")).anyMatch(t -> t.toLowerCase().contains("ductal carcinoma"));
        assertEvidencePointsIntoSubmittedText(patient);
    }

    @Test
    void jobResultSeparatesPathologicFromClinicalStage() throws IOException {
        JsonNode state = JobJson.MAPPER.readTree(result(JOB).toFile());
        assertThat(state.get("status").asText()).isEqualTo("succeeded");
        JsonNode patient = state.at("/result/patientResults/0");
        assertThat(patient.get("patientId").asText()).isEqualTo("P-1002");
        assertThat(value(patient, "tumorSite")).as("right upper lobe").isEqualTo("C34.1");
        assertThat(value(patient, "pathologicStageT")).as("pT2a collapses to T2").isEqualTo("T2");
        assertThat(value(patient, "pathologicStageN")).as("pN1 is N+").isEqualTo("N+");
        assertThat(value(patient, "pathologicStageM")).as("pMX has no value").isEqualTo("None");
        assertThat(value(patient, "clinicalStageT")).as("cT2a on the CT report").isEqualTo("T2");
        assertThat(value(patient, "clinicalStageN")).isEqualTo("N0");
        assertThat(value(patient, "clinicalStageM")).isEqualTo("M0");
        assertEvidencePointsIntoSubmittedText(patient);
    }

    @Test
    void resultFilesHaveTheOfficialJobShape() throws IOException {
        for (String name : List.of(NOTE, JOB)) {
            OpenApiContract.assertValidResponse("2023-09-01-preview", "OncoPhenotype_GetJob", 200,
                    Files.readString(result(name)));
        }
    }

    @Test
    void inboxIsEmptyOnceResultsAreOut() throws IOException {
        try (Stream<Path> files = Files.list(gateway.inbox("default"))) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void noSentenceOfTheInputsIsAtRestOutsideTheResults() throws IOException {
        List<String> sentences = new ArrayList<>();
        submitted.values().forEach(text -> Arrays.stream(text.split("[.\\n]"))
                .map(String::trim).filter(s -> s.length() >= 12).forEach(sentences::add));
        sentences.add(PhiCanary.MARKER);
        assertThat(sentences).hasSizeGreaterThan(10);
        List<Path> scanned = new ArrayList<>();
        try (Stream<Path> files = Files.walk(gateway.dataDir())) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                if (file.getFileName().toString().endsWith(".result.json")) {
                    continue;
                }
                byte[] content;
                try {
                    content = Files.readAllBytes(file);
                } catch (NoSuchFileException renamed) {
                    continue; // the temp file of a write still finishing (a delivery record): renamed meanwhile
                }
                scanned.add(file);
                String bytes = new String(content, StandardCharsets.ISO_8859_1);
                for (String sentence : sentences) {
                    assertThat(bytes.contains(new String(sentence.getBytes(StandardCharsets.UTF_8),
                            StandardCharsets.ISO_8859_1))).as("a sentence of the input in %s", gateway.dataDir()
                            .relativize(file)).isFalse();
                }
            }
        }
        assertThat(scanned).as("stored inputs, states and keysets were scanned").hasSizeGreaterThanOrEqualTo(5);
    }

    @Test
    void everyStoredPayloadDecryptsOnlyWithItsOwnAssociatedData() throws Exception {
        RegionalStore store = gateway.bean("regionalStore", RegionalStore.class);
        List<StoredPayload> inputs = store.list(PayloadKind.INPUT);
        assertThat(inputs).hasSize(2);
        for (StoredPayload payload : inputs) {
            assertThat(store.read(payload)).isNotEmpty();
        }
        StoredPayload first = inputs.get(0);
        StoredPayload second = inputs.get(1);
        RegionalStore swapped = StoreTampering.swapIn(store, first, second);
        assertThatThrownBy(() -> swapped.read(second)).as("another job's ciphertext under this job's name")
                .isInstanceOf(PayloadUnavailableException.class);
        StoreTampering.flipCiphertextBit(second);
        try {
            assertThatThrownBy(() -> store.read(second)).as("a flipped bit")
                    .isInstanceOf(PayloadUnavailableException.class);
        } finally {
            StoreTampering.flipCiphertextBit(second);
        }
        assertThat(store.read(second)).as("restored, it reads again").isNotEmpty();
    }

    private static void assertEvidencePointsIntoSubmittedText(JsonNode patient) {
        int checked = 0;
        for (JsonNode inference : patient.get("inferences")) {
            for (JsonNode evidence : inference.path("evidence")) {
                JsonNode data = evidence.get("patientDataEvidence");
                String text = submitted.get(data.get("id").asText());
                int offset = data.get("offset").asInt();
                int length = data.get("length").asInt();
                assertThat(text.substring(offset, offset + length))
                        .as("evidence of %s", inference.get("type").asText())
                        .isEqualTo(data.get("text").asText());
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(0);
    }

    private static String value(JsonNode patient, String type) {
        for (JsonNode inference : patient.get("inferences")) {
            if (inference.get("type").asText().equals(type)) {
                return inference.get("value").asText();
            }
        }
        throw new AssertionError("no inference of type " + type);
    }

    private static List<String> evidenceTexts(JsonNode patient, String type) {
        List<String> texts = new ArrayList<>();
        for (JsonNode inference : patient.get("inferences")) {
            if (inference.get("type").asText().equals(type)) {
                inference.path("evidence").forEach(e -> texts.add(e.at("/patientDataEvidence/text").asText()));
            }
        }
        return texts;
    }

    private static Path result(String name) {
        return gateway.outbox("default").resolve(name + ".result.json");
    }

    /** As a well-behaved sender does: write elsewhere, then move into the inbox. */
    static void writeAtomically(Path target, byte[] bytes) throws IOException {
        Path temp = Files.createTempFile(target.getParent().getParent(), "drop", ".tmp");
        Files.write(temp, bytes);
        Files.move(temp, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
