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
import static org.oncogate.intake.hl7.Hl7TestMessages.oru;
import static org.oncogate.intake.hl7.Hl7TestMessages.text;

import ca.uhn.hl7v2.model.Primitive;
import ca.uhn.hl7v2.model.v26.message.ORU_R01;
import ca.uhn.hl7v2.parser.EncodingCharacters;
import ca.uhn.hl7v2.parser.Escape;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** HL7 escape sequences in OBX-5 text: what HAPI does alone, and the text the gateway makes of them. */
class Hl7EscapesTest {

    @ParameterizedTest
    @ValueSource(strings = {"TX", "FT", "ST"})
    void hapiAloneDecodesOnlyTheDelimiterEscapesAndLeavesFormattingAndHexInTheValue(String valueType) throws Exception {
        ORU_R01 oru = (ORU_R01) PARSING.parse(oru(valueType, CANARY + " a\\F\\b\\S\\c\\T\\d\\R\\e\\E\\f\\.br\\g\\X41\\h\\H\\i\\N\\"));
        Primitive value = (Primitive) oru.getPATIENT_RESULT().getORDER_OBSERVATION().getOBSERVATION().getOBX()
                .getObservationValue(0).getData();

        assertThat(value.getValue()).isEqualTo(CANARY + " a|b^c&d~e\\f\\.br\\g\\X41\\h\\H\\i\\N\\");
    }

    @ParameterizedTest
    @ValueSource(strings = {"TX", "FT", "ST"})
    void delimiterEscapesBecomeTheDelimiters(String valueType) throws Exception {
        assertThat(text(valueType, CANARY + " a\\F\\b\\S\\c\\T\\d\\R\\e\\E\\f"))
                .isEqualTo(CANARY + " a|b^c&d~e\\f");
    }

    @Test
    void formattingCommandsBecomeLineBreaksAndHighlightingIsDropped() throws Exception {
        assertThat(text("FT", CANARY + "\\.br\\line 2\\.sp\\\\H\\bold\\N\\ after\\.sp 3\\x\\.in+4\\\\.ti-2\\y\\.sk 5\\z\\.ce\\c\\.fi\\\\.nf\\"))
                .isEqualTo(CANARY + "\nline 2\n\nbold after\n\nxy z\nc");
    }

    @Test
    void hexEscapesAreBytesInTheMessageCharsetAndAdjacentOnesJoin() throws Exception {
        assertThat(text("TX", CANARY + " \\X41\\ caf\\XC3A9\\ caf\\XC3\\\\XA9\\ \\X0D0A\\end"))
                .as("UTF-8 (no MSH-18): \\XC3A9\\ and \\XC3\\\\XA9\\ are both é")
                .isEqualTo(CANARY + " A café café \r\nend");

        String latin1 = message(MSH + "||||||8859/1", PID, OBR, "OBX|1|TX|11526-1^^LN|1|" + CANARY + " caf\\XE9\\||||||F");
        assertThat(map(latin1).text()).as("8859/1: \\XE9\\ is é").isEqualTo(CANARY + " caf\u00e9");
    }

    @Test
    void hexThatIsNotValidInTheCharsetOrHasAnOddLengthIsRejected() {
        assertRejected(() -> text("TX", CANARY + " \\XC3\\ alone"), "InvalidEncoding", "OBX-5");
        assertRejected(() -> text("TX", CANARY + " \\X4\\"), "InvalidEscapeSequence", "OBX-5");
    }

    @Test
    void anEscapedBackslashStaysTextWhileHapiDropsTheEscapeCharactersOfUnknownSequences() throws Exception {
        assertThat(text("TX", CANARY + " C:\\E\\temp")).isEqualTo(CANARY + " C:\\temp");
        assertThat(text("TX", CANARY + " \\Q\\ and C:\\temp")).as("HAPI's unescaping, before ours")
                .isEqualTo(CANARY + " Q and C:temp");
        assertThat(text("TX", CANARY + " \\Zlocal\\dropped \\C2842\\charset")).isEqualTo(CANARY + " dropped charset");
    }

    @Test
    void anEscapedBackslashBeforeADelimiterLetterStaysLiteralButBeforeAFormattingCommandItIsALineBreak()
            throws Exception {
        assertThat(text("TX", CANARY + " a\\E\\F\\E\\b")).isEqualTo(CANARY + " a\\F\\b");
        assertThat(text("TX", CANARY + " a\\E\\.br\\E\\b")).as("the documented loss in HAPI's re-encoding")
                .isEqualTo(CANARY + " a\nb");
    }

    @Test
    void anUnescapedComponentSeparatorInATextValueIsKeptAsText() throws Exception {
        assertThat(text("TX", CANARY + " pT2a^pN1&pM0")).isEqualTo(CANARY + " pT2a^pN1&pM0");
    }

    @Test
    void escapesUseTheMessagesOwnEncodingCharacters() throws Exception {
        String custom = message("MSH|^~!&|LIS|GENHOSP|ONCOGATE|GENHOSP|20260114093512||ORU^R01|CTL-1|P|2.6",
                PID, OBR, "OBX|1|FT|11526-1^^LN|1|" + CANARY + " a!F!b!.br!c!E!d \\ e||||||F");

        assertThat(map(custom).text()).isEqualTo(CANARY + " a|b\nc!d \\ e");
    }

    @Test
    void theTextIsExactlyTheStoredDocumentSoOffsetsPointIntoIt() throws Exception {
        Hl7Report report = map(oru("FT", "T: pT2a\\.br\\N: pN1 \\F\\ " + CANARY));

        assertThat(report.text()).isEqualTo("T: pT2a\nN: pN1 | " + CANARY);
        assertThat(report.document().text()).isSameAs(report.text());
        assertThat(report.text().indexOf("pN1")).isEqualTo(11);
        assertThat(report.text().getBytes(StandardCharsets.UTF_8)).hasSize(report.text().length());
    }

    /**
     * Any text the sender escapes as HAPI does reads back exactly, whether it holds delimiters (decoded from the
     * re-encoded wire form) or none (taken as HAPI parsed it). The backslash is left out: an escaped backslash
     * before a formatting command is the known loss described in {@link ReportText}.
     */
    @Property(tries = 300)
    void textEscapedByTheSenderReadsBackAsWritten(@ForAll @StringLength(max = 120) @AlphaChars @NumericChars
            @Chars({' ', '.', ',', ':', '-', '(', ')', '|', '^', '&', '~'}) String written) throws Exception {
        String wire = Escape.escape(CANARY + " " + written, EncodingCharacters.defaultInstance());

        assertThat(text("TX", wire)).isEqualTo(CANARY + " " + written);
    }
}
