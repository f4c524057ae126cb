package org.oncogate.intake.hl7;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.oncogate.job.ClinicalType;
import org.oncogate.job.ClinicalTypeTable;

/**
 * Hostile input found by Hl7Fuzz. HAPI takes quadratic time on two of them: a long run of spaces in a
 * text field (its whitespace trimming: the parser now runs no validation rules at all), and a field
 * of thousands of components (refused before HAPI sees it). The bound is a hang detector far above
 * the linear cost, not a timing. And delimiters that are not five different characters make a message
 * (and its ACK) mean something else than they say: refused.
 */
class Hl7HostileInputTest {

    @Test
    void aLongRunOfSpacesInATextFieldIsParsedAndMappedWithoutHanging() {
        String er7 = String.join("\r",
                "MSH|^~\\&|LIS|GENHOSP|ONCOGATE|GENHOSP|20260110161205||ORU^R01^ORU_R01|SP-1|P|2.6",
                "PID|1||MRN-1^^^GENHOSP^MR||" + Hl7TestMessages.CANARY + "^JANE",
                "OBR|1|PL-1|FL-1|11526-1^Pathology study^LN|||20260112141500",
                "OBX|1|TX|22637-3^Final diagnosis^LN||Adenocarcinoma," + " ".repeat(200_000) + "pT2 pN0.||||||F") + "\r";
        Hl7Report report = assertTimeoutPreemptively(Duration.ofSeconds(60), () ->
                new Hl7ReportMapper(ClinicalTypeTable.load(), ClinicalType.PATHOLOGY_REPORT).map(Hl7Parsing.create().parse(er7)));
        assertThat(report.text()).startsWith("Adenocarcinoma,").endsWith("pT2 pN0.");
    }

    @Test
    void aFieldOfThousandsOfComponentsIsRefusedBeforeHapiBuildsThem() {
        Hl7Parsing parsing = Hl7Parsing.create();
        Hl7TestMessages.assertRejected(() -> assertTimeoutPreemptively(Duration.ofSeconds(60), () ->
                parsing.parse(oruWithObx5("x" + "^".repeat(1_000_000)))), "FieldTooComplex", null);
        Hl7TestMessages.assertRejected(() -> parsing.parse(oruWithObx5("x" + "&".repeat(1_001))), "FieldTooComplex", null);
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() ->
                parsing.parse(oruWithObx5("x" + "^a&b".repeat(Hl7Parsing.MAX_FIELD_PARTS / 2)))))
                .as("up to the limit is parsed").isNull();
    }

    @Test
    void delimitersThatAreNotFiveDifferentCharactersAreRefused() {
        Hl7Parsing parsing = Hl7Parsing.create();
        String message = oruWithObx5("Adenocarcinoma.");
        for (String delimiters : new String[] {"|^~^&", "|^~\\^", "||~\\&", "|A~\\&"}) {
            Hl7TestMessages.assertRejected(() -> parsing.parse("MSH" + delimiters + message.substring(8)),
                    "UnparseableMessage", "MSH");
        }
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> parsing.parse(message))).isNull();
    }

    private static String oruWithObx5(String value) {
        return String.join("\r", "MSH|^~\\&|LIS|GENHOSP|ONCOGATE|GENHOSP|20260110161205||ORU^R01^ORU_R01|C-1|P|2.6",
                "PID|1||MRN-1^^^GENHOSP^MR||DOE^JANE", "OBX|1|TX|22637-3^Final diagnosis^LN||" + value + "||||||F") + "\r";
    }
}
