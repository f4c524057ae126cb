package org.oncogate.intake.hl7;

import static org.assertj.core.api.Assertions.assertThat;
import static org.oncogate.intake.hl7.Hl7TestMessages.CANARY;
import static org.oncogate.intake.hl7.Hl7TestMessages.OBR;
import static org.oncogate.intake.hl7.Hl7TestMessages.PARSING;
import static org.oncogate.intake.hl7.Hl7TestMessages.PID;
import static org.oncogate.intake.hl7.Hl7TestMessages.message;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.parser.PipeParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.oncogate.fuzz.FuzzCorpus;
import org.oncogate.fuzz.Mutations;

/**
 * The gateway's parser reads the message structure from MSH alone and splits with its own
 * {@link Er7Parser#split}, and must otherwise parse exactly as HAPI's own {@link PipeParser} with the
 * same context: same message class, same content, or a failure where HAPI fails.
 */
class Er7ParserTest {

    private static final PipeParser HAPI = PARSING.parser().getHapiContext().getPipeParser();

    static Stream<String> samples() throws Exception {
        List<String> messages = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("samples/hl7"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".hl7")).sorted().toList()) {
                messages.addAll(Hl7Parsing.splitBatch(Hl7Parsing.decode(Files.readAllBytes(file))));
            }
        }
        return messages.stream();
    }

    @ParameterizedTest
    @MethodSource("samples")
    void everySampleParsesAsHapiParsesIt(String er7) throws Exception {
        assertSameOutcome(er7);
    }

    /** MSH-9 in each form HAPI distinguishes: code, event and structure; code and event only; ACK; too short. */
    @ParameterizedTest
    @ValueSource(strings = {"ORU^R01^ORU_R01", "ORU^R01", "MDM^T04", "MDM^T08^MDM_T02", "ACK", "ACK^R01",
        "ORU", "ORU^R01^", "", "ADT^A08^ADT_A01"})
    void eachFormOfMsh9ChoosesTheStructureHapiChooses(String messageType) throws Exception {
        String msh = "MSH|^~\\&|LIS|GENHOSP|ONCOGATE|GENHOSP|20260114093512||" + messageType + "|CTL-1|P|2.5.1";
        assertSameOutcome(message(msh, "TXA|1|PN|TX|20260112", PID, OBR, "OBX|1|TX|11526-1^^LN|1|" + CANARY + "||||||F"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"MSH|^~\\&", "MSH|^~\\&|LIS|GENHOSP", "MSH|^~\\&|LIS|GENHOSP\rMSH|^~\\&|A|B|C|D|E||ORU^R01|1|P|2.6"})
    void aHeaderWithoutMsh9FailsAsInHapi(String er7) {
        assertSameOutcome(er7);
    }

    /** Any string over the delimiters, a letter and an escape: the same pieces as HAPI's split. */
    @Property(tries = 2_000)
    void splitsAsHapiSplits(@ForAll @StringLength(max = 12) @Chars({'|', '^', 'a', '\\'}) String composite) {
        assertThat(Er7Parser.split(composite, '|')).containsExactly(PipeParser.split(composite, "|"));
        assertThat(Er7Parser.split(composite, '^')).containsExactly(PipeParser.split(composite, "^"));
    }

    @Property(tries = 500)
    void mutatedMessagesParseAsHapiParsesThem(@ForAll("mutated") byte[] frame) {
        String er7;
        try {
            er7 = Hl7Parsing.decode(frame);
        } catch (Hl7RejectException e) {
            return; // refused before any parser sees it
        }
        assertSameOutcome(er7);
    }

    @Provide
    Arbitrary<byte[]> mutated() {
        return Mutations.of(FuzzCorpus.load("hl7"), 512);
    }

    /** Compares without printing the messages (their text stands in for patient data). */
    private static void assertSameOutcome(String er7) {
        String[] expected = outcome(HAPI, er7).split("\r");
        String[] actual = outcome(PARSING.parser(), er7).split("\r");
        int line = 0;
        while (line < Math.min(expected.length, actual.length) && expected[line].equals(actual[line])) {
            line++;
        }
        assertThat(line == expected.length && line == actual.length)
                .as("outcome as HAPI's, first difference in line %d of %d", line, expected.length).isTrue();
    }

    /** The class and the re-encoded message, or that parsing failed (HAPI's reason quotes the message). */
    private static String outcome(PipeParser parser, String er7) {
        try {
            Message parsed = parser.parse(er7);
            return parsed.getClass().getName() + "\n" + parsed.encode();
        } catch (HL7Exception | RuntimeException e) {
            return "failed: " + e.getClass().getName();
        }
    }
}
