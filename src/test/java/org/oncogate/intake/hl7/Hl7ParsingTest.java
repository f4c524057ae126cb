package org.oncogate.intake.hl7;

import static org.assertj.core.api.Assertions.assertThat;
import static org.oncogate.intake.hl7.Hl7TestMessages.CANARY;
import static org.oncogate.intake.hl7.Hl7TestMessages.MSH;
import static org.oncogate.intake.hl7.Hl7TestMessages.OBR;
import static org.oncogate.intake.hl7.Hl7TestMessages.PARSING;
import static org.oncogate.intake.hl7.Hl7TestMessages.PID;
import static org.oncogate.intake.hl7.Hl7TestMessages.assertRejected;
import static org.oncogate.intake.hl7.Hl7TestMessages.map;
import static org.oncogate.intake.hl7.Hl7TestMessages.message;
import static org.oncogate.intake.hl7.Hl7TestMessages.sampleBytes;

import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.model.v26.message.MDM_T02;
import ca.uhn.hl7v2.model.v26.message.ORU_R01;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bytes to text (MSH-18), text to a HAPI message, and files to messages. */
class Hl7ParsingTest {

    private static final String LATIN1_MSH = MSH + "||||||8859/1";

    @Test
    void msh18Latin1DecodesByteE9AsEAcute() throws Exception {
        byte[] frame = concat(String.join("\r", LATIN1_MSH, PID, OBR, "OBX|1|TX|11526-1^^LN|1|" + CANARY + " caf"),
                new byte[] {(byte) 0xE9}, "||||||F\r");

        String er7 = Hl7Parsing.decode(frame);

        assertThat(er7).contains(CANARY + " caf\u00e9||");
        assertThat(map(er7).text()).isEqualTo(CANARY + " caf\u00e9");
    }

    @Test
    void withoutMsh18TheBytesAreStrictUtf8() throws Exception {
        String er7 = message(MSH, PID, OBR, "OBX|1|TX|11526-1^^LN|1|" + CANARY + " caf\u00e9||||||F");
        assertThat(Hl7Parsing.decode(er7.getBytes(StandardCharsets.UTF_8))).isEqualTo(er7);

        byte[] latin1Bytes = er7.getBytes(StandardCharsets.ISO_8859_1);
        assertRejected(() -> Hl7Parsing.decode(latin1Bytes), "InvalidEncoding", "MSH-18");
    }

    @Test
    void bytesInvalidInTheDeclaredCharsetAreRejected() {
        byte[] frame = concat(String.join("\r", MSH + "||||||ASCII", PID, OBR, "OBX|1|TX|11526-1^^LN|1|" + CANARY),
                new byte[] {(byte) 0xE9}, "||||||F\r");

        assertRejected(() -> Hl7Parsing.decode(frame), "InvalidEncoding", "MSH-18");
    }

    @Test
    void anUnknownCharsetIsRejectedBothFromBytesAndFromAParsedMessage() {
        String er7 = message(MSH + "||||||EBCDIC-" + CANARY, PID, OBR, "OBX|1|TX|11526-1^^LN|1|" + CANARY + "||||||F");

        assertRejected(() -> Hl7Parsing.decode(er7.getBytes(StandardCharsets.US_ASCII)), "UnsupportedCharset", "MSH-18");
        assertRejected(() -> map(er7), "UnsupportedCharset", "MSH-18");
    }

    @Test
    void garbageIsUnparseableWithoutQuotingIt() {
        byte[] random = new byte[512];
        new Random(42).nextBytes(random);
        byte[] canaryGarbage = (CANARY + " \u0000\u0001 not hl7").getBytes(StandardCharsets.UTF_8);

        assertRejected(() -> Hl7Parsing.decode(random), "UnparseableMessage", "MSH");
        assertRejected(() -> Hl7Parsing.decode(canaryGarbage), "UnparseableMessage", "MSH");
        assertRejected(() -> PARSING.parse(CANARY + " not hl7"), "UnparseableMessage", "MSH");
        assertRejected(() -> PARSING.parse("MSH|^~\\&|" + CANARY), "UnparseableMessage", "MSH");
        assertRejected(() -> PARSING.parse(""), "UnparseableMessage", "MSH");
    }

    @Test
    void anUnknownZSegmentIsKeptAsANonStandardSegmentAndIgnored() throws Exception {
        String er7 = message(MSH, PID, "ZPI|1|" + CANARY + "|local^stuff", OBR,
                "OBX|1|TX|11526-1^^LN|1|" + CANARY + " report||||||F", "ZRX|" + CANARY);

        Message parsed = PARSING.parse(er7);

        assertThat(parsed).isInstanceOf(ORU_R01.class);
        assertThat(Hl7TestMessages.MAPPER.map(parsed).text()).isEqualTo(CANARY + " report");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2.3", "2.3.1", "2.4", "2.5", "2.5.1", "2.6"})
    void every2xVersionParsesIntoTheV26Structures(String version) throws Exception {
        String oru = message(MSH.replace("|P|2.6", "|P|" + version).replace("^ORU_R01", ""), PID, OBR,
                "OBX|1|TX|11526-1^^LN|1|" + CANARY + "||||||F");
        String mdm = new String(sampleBytes("mdm-t02-discharge.hl7"), StandardCharsets.UTF_8)
                .replace("|P|2.6|", "|P|" + version + "|").replace("^MDM_T02", "");

        assertThat(PARSING.parse(oru)).isInstanceOf(ORU_R01.class);
        assertThat(PARSING.parse(mdm)).isInstanceOf(MDM_T02.class);
        assertThat(map(oru).patientId()).isEqualTo("MRN-1");
        assertThat(map(mdm).documentId()).isEqualTo("DS-2026-00042");
    }

    @Test
    void optionalFieldsAndAMissingObx2AreTolerated() throws Exception {
        String er7 = message("MSH|^~\\&|LIS|GENHOSP|||||ORU^R01|CTL-1|P|2.5.1", "PID|||MRN-1",
                "OBR|1", "OBX|1||||" + CANARY + " untyped value", "OBX|2|ZZ|||odd type");

        Hl7Report report = map(er7);

        assertThat(report.text()).as("no OBX-2 reads as ST; an invalid OBX-2 is not text").isEqualTo(CANARY + " untyped value");
        assertThat(report.documentId()).as("no OBR-3 or OBR-2: MSH-10").isEqualTo("CTL-1");
        assertThat(report.createdDateTime()).isNull();
    }

    @Test
    void theParserKeepsUnknownSegmentsInline() {
        assertThat(PARSING.parser().getParserConfiguration().getUnexpectedSegmentBehaviour().name()).isEqualTo("ADD_INLINE");
    }

    @Test
    void splitBatchAcceptsCrLfAndCrlfAndDropsTheBatchEnvelope() {
        String first = message(MSH, PID, OBR, "OBX|1|TX|11526-1^^LN|1|" + CANARY + " one||||||F");
        String second = message(MSH.replace("CTL-1", "CTL-2"), PID, OBR, "OBX|1|TX|11526-1^^LN|1|" + CANARY + " two||||||F");
        String third = message(MSH.replace("CTL-1", "CTL-3"), PID, OBR, "OBX|1|TX|11526-1^^LN|1|" + CANARY + " three||||||F");
        String file = "\uFEFFFHS|^~\\&|LIS|GENHOSP\r\nBHS|^~\\&|LIS|GENHOSP\r\n"
                + first.replace("\r", "\r\n") + "\n"
                + second.replace("\r", "\n")
                + third
                + "BTS|3\rFTS|1\r\n";

        List<String> messages = Hl7Parsing.splitBatch(file);

        assertThat(messages).containsExactly(first, second, third);
    }

    @Test
    void splitBatchKeepsWhatPrecedesTheFirstMshAsAMessageThatWillNotParse() {
        String only = message(MSH, PID, OBR, "OBX|1|TX|11526-1^^LN|1|" + CANARY + "||||||F");

        List<String> messages = Hl7Parsing.splitBatch("PID|1||" + CANARY + "\n" + only);

        assertThat(messages).containsExactly("PID|1||" + CANARY + "\r", only);
        assertRejected(() -> PARSING.parse(messages.get(0)), "UnparseableMessage", "MSH");
    }

    @Test
    void decodeFindsTheMshOfABatchFileAfterItsEnvelope() throws Exception {
        String head = "FHS|^~\\&|LIS\r" + String.join("\r", LATIN1_MSH, PID, OBR, "OBX|1|TX|11526-1^^LN|1|" + CANARY + " caf");
        byte[] bytes = concat(head, new byte[] {(byte) 0xE9}, "||||||F\r");

        assertThat(Hl7Parsing.decode(bytes)).startsWith("FHS|").endsWith(CANARY + " caf\u00e9||||||F\r");
    }

    private static byte[] concat(String head, byte[] middle, String tail) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head.getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(middle);
        out.writeBytes(tail.getBytes(StandardCharsets.ISO_8859_1));
        return out.toByteArray();
    }
}
