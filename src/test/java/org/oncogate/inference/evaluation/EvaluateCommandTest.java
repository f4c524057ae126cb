package org.oncogate.inference.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oncogate.testing.PhiCanary;

/** {@code oncogate eval}: scores on a tiny synthetic labelled file, its JSON report, and what it never prints. */
class EvaluateCommandTest {

    @TempDir
    Path folder;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    /** A labelled line: the text carries the PHI canary, which must not reach the output. */
    private static String row(String id, String t, boolean tStated, String site, String histology, String text) {
        return "{\"id\":\"" + id + "\",\"project\":\"X\",\"t\":" + (t == null ? "null" : "\"" + t + "\"")
                + ",\"n\":null,\"m\":null,\"site\":\"" + site + "\",\"histology\":\"" + histology + "\",\"morphology\":null,"
                + "\"stated_in_text\":{\"t\":" + tStated + ",\"n\":false,\"m\":false},\"text\":\"" + PhiCanary.patientLine()
                + " " + text + "\"}";
    }

    private int run(String... args) {
        return new EvaluateCommand(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(List.of(args));
    }

    @Test
    void scoresReportAndMismatches() throws IOException {
        Path labelled = folder.resolve("labelled.jsonl");
        Files.writeString(labelled, String.join("\n",
                // right T (stated), right site and histology
                row("r1", "T2", true, "C34.1", "8140", "Right upper lobe: adenocarcinoma, pT2 pN0."),
                // wrong T (the report says pT1), site right at 3 characters only (C50.9 against the label C50.4)
                row("r2", "T3", true, "C50.4", "8500", "Breast: invasive ductal carcinoma, pT1 pN0."),
                // no T written and no label: agreeing None
                row("r3", null, false, "C18.7", "8140", "Sigmoid colon: adenocarcinoma."))
                + "\n", StandardCharsets.UTF_8);
        Path json = folder.resolve("report.json");

        assertThat(run(labelled.toString(), "--json", json.toString(), "--errors", "t")).isZero();

        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("3 reports");
        assertThat(printed).contains("mismatches of t").contains("r2: T3 -> T1");
        assertThat(printed).doesNotContain(PhiCanary.MARKER).doesNotContain("ductal");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("evaluated 3 / 3 reports");

        JsonNode t = new ObjectMapper().readTree(json.toFile()).path("attributes").path("t");
        assertThat(t.path("all").path("labelled").asInt()).isEqualTo(2);
        assertThat(t.path("all").path("correct").asInt()).isEqualTo(1);
        assertThat(t.path("all").path("precision").asDouble()).isEqualTo(0.5);
        assertThat(t.path("all").path("accuracy").asDouble()).isCloseTo(2.0 / 3, offset(1e-9));
        assertThat(t.path("stated").path("rows").asInt()).isEqualTo(2);
        assertThat(t.path("all").path("confusion").path("T3").path("T1").asInt()).isEqualTo(1);
        JsonNode attributes = new ObjectMapper().readTree(json.toFile()).path("attributes");
        assertThat(attributes.path("site").path("all").path("correct").asInt()).isEqualTo(2);
        assertThat(attributes.path("site3").path("all").path("correct").asInt()).isEqualTo(3);
        assertThat(attributes.path("site").has("stated")).isFalse();
    }

    @Test
    void badUsageAndUnreadableInputExitWith2() {
        assertThat(run()).isEqualTo(2);
        assertThat(run("a.jsonl", "--errors", "nonsense")).isEqualTo(2);
        assertThat(run(folder.resolve("missing.jsonl").toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: oncogate eval").contains("cannot read");
    }
}
