package org.oncogate.bench;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.oncogate.testing.PhiCanary;

/**
 * ORU^R01 messages for the HL7 benchmark: sender LIS^GENHOSP (subscription {@code default} in the
 * shipped configuration), one synthetic pathology report of about 4,000 characters, one TX OBX per
 * line as laboratory systems send it. The report text comes from {@link #VARIANTS} variants built once
 * (so that the client stays cheap); MSH-10, PID-3 and OBR-2/3 are unique per message. No real patient:
 * the name is the PHI canary.
 */
final class SyntheticOruMessage {

    static final int VARIANTS = 500;

    private static final List<String> MARKERS = List.of("ER", "PR", "HER2", "Ki-67", "PD-L1 (22C3)", "MMR proteins",
            "TTF-1", "CK7", "CK20", "CDX2");
    private static final List<String> RESULTS = List.of("positive in 90% of tumor cells, strong intensity",
            "negative", "equivocal (2+), reflex ISH ordered", "intact nuclear expression",
            "tumor proportion score 5%", "positive, diffuse", "negative in tumor cells with appropriate controls");

    private static final List<String> CASSETTES = List.of("tumor with the closest radial margin, inked black",
            "representative tumor, full thickness", "tumor and adjacent uninvolved tissue",
            "proximal resection margin, en face", "distal resection margin, en face", "lymph nodes, bisected",
            "random sections of background tissue", "vascular margin and surrounding soft tissue");

    private final byte[][] observations;
    private final String runTag;

    /** Builds the variants; {@code runTag} makes the MSH-10s of one run differ from any other run's. */
    SyntheticOruMessage(String runTag) {
        this.runTag = runTag;
        this.observations = new byte[VARIANTS][];
        for (int v = 0; v < VARIANTS; v++) {
            observations[v] = obxSegments(report(v)).getBytes(StandardCharsets.UTF_8);
        }
    }

    /** The ER7 bytes of message {@code sequence} (segments ended by CR), without MLLP framing. */
    byte[] message(long sequence) {
        String id = "%s-%07d".formatted(runTag, sequence);
        String header = String.join("\r",
                "MSH|^~\\&|LIS|GENHOSP|ONCOGATE|GENHOSP|20261129101500||ORU^R01^ORU_R01|" + id + "|P|2.5.1|||AL|NE||UNICODE UTF-8",
                "PID|1||MRN-" + id + "^^^GENHOSP^MR||" + PhiCanary.MARKER + "^JANE||19580312|F",
                "OBR|1|ORD-" + id + "|S-" + id + "^GENHOSP|11526-1^Pathology study^LN|||20261128090000",
                "");
        byte[] head = header.getBytes(StandardCharsets.US_ASCII);
        byte[] body = observations[(int) (sequence % VARIANTS)];
        ByteArrayOutputStream message = new ByteArrayOutputStream(head.length + body.length);
        message.writeBytes(head);
        message.writeBytes(body);
        return message.toByteArray();
    }

    /** The report text of variant {@code v}: the job API benchmark's note, a synoptic summary and an addendum. */
    static String report(int v) {
        Random random = new Random(1_000_003L * v);
        StringBuilder text = new StringBuilder(SyntheticJobRequest.note(v)).append("\n\n");
        text.append("SYNOPTIC REPORT (CAP protocol, synthetic):\n");
        text.append("Procedure: resection. Specimen laterality: %s. Tumor focality: %s.\n"
                .formatted(random.nextBoolean() ? "right" : "left", random.nextInt(5) == 0 ? "multifocal" : "unifocal"));
        text.append("Tumor size: greatest dimension %.1f cm; additional dimensions %.1f x %.1f cm.\n"
                .formatted(0.8 + random.nextInt(40) / 10.0, 0.5 + random.nextInt(20) / 10.0, 0.4 + random.nextInt(15) / 10.0));
        text.append("Treatment effect: no known presurgical therapy. Tumor deposits: not identified.\n");
        text.append("Margin status: all margins negative; distance from invasive carcinoma to closest margin %d mm.\n"
                .formatted(2 + random.nextInt(30)));
        text.append("Regional lymph nodes: %d examined; isolated tumor cells not identified; extranodal extension not identified.\n"
                .formatted(6 + random.nextInt(20)));
        text.append("Additional findings: chronic inflammation and reactive changes in the adjacent tissue; no dysplasia elsewhere.\n");
        text.append("\nCASSETTE KEY:\n");
        int cassettes = 6 + random.nextInt(4);
        for (int c = 1; c <= cassettes; c++) {
            text.append("A%d: %s.\n".formatted(c, CASSETTES.get(random.nextInt(CASSETTES.size()))));
        }
        text.append("\nADDENDUM (biomarker studies, block A%d):\n".formatted(1 + random.nextInt(9)));
        for (int m = 0; m < 6; m++) {
            text.append("- %s: %s.\n".formatted(MARKERS.get(random.nextInt(MARKERS.size())),
                    RESULTS.get(random.nextInt(RESULTS.size()))));
        }
        text.append("Fixation: 10%% neutral buffered formalin, cold ischemia time under 1 hour, fixation %d to %d hours.\n"
                .formatted(6 + random.nextInt(6), 24 + random.nextInt(24)));
        text.append("These tests were developed and their performance characteristics determined by the laboratory; "
                + "they have not been cleared by the regulator, which is not necessary. Results are to be interpreted "
                + "in the clinical context and with the morphologic findings above.\n");
        text.append("Addendum electronically signed out by the attending pathologist; the final diagnosis is unchanged.");
        return text.toString();
    }

    /** One TX OBX per line of the text, with HL7's delimiters escaped. */
    private static String obxSegments(String text) {
        StringBuilder segments = new StringBuilder();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            segments.append("OBX|").append(i + 1).append("|TX|11526-1^Pathology study^LN|1|").append(escape(lines[i]))
                    .append("||||||F\r");
        }
        return segments.toString();
    }

    private static String escape(String line) {
        StringBuilder escaped = new StringBuilder(line.length());
        for (char c : line.toCharArray()) {
            switch (c) {
                case '\\' -> escaped.append("\\E\\");
                case '|' -> escaped.append("\\F\\");
                case '^' -> escaped.append("\\S\\");
                case '&' -> escaped.append("\\T\\");
                case '~' -> escaped.append("\\R\\");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
