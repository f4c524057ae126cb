package org.oncogate.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The shipped job/clinical-types.tsv holds the codes issue 4 names. */
class ClinicalTypeTableTest {

    private static final ClinicalTypeTable TABLE = ClinicalTypeTable.load();

    @ParameterizedTest
    @CsvSource({
            "LN, 11526-1, pathologyReport",
            "LN, 60568-3, pathologyReport",
            "LN, 22637-3, pathologyReport",
            "LN, 18842-5, dischargeSummary",
            "LN, 18748-4, radiologyReport",
            "LN, 11506-3, progress",
            "LN, 11488-4, consultation",
            "LN, 34117-2, historyAndPhysical",
            "LN, 28570-0, procedure",
            "LN, 11502-2, laboratory",
            "L, PATH, pathologyReport",
            "HL70270, SP, pathologyReport",
            ", DS, dischargeSummary",
            "L, CN, consultation",
            "99LOCAL, HP, historyAndPhysical",
            "L, RAD, radiologyReport",
            "HL70270, OP, procedure",
            "HL70270, PN, procedure",
            "HL70270, PR, progress",
            "ln, 11526-1, pathologyReport",
            "L, path, pathologyReport",
    })
    void mapsTheCodesOfIssue4(String system, String code, String wireName) {
        assertThat(TABLE.find(system, code)).contains(ClinicalType.find(wireName).orElseThrow());
    }

    @Test
    void aLoincCodeNeedsTheLoincSystemAndUnknownCodesAreNotFound() {
        assertThat(TABLE.find(null, "11526-1")).isEmpty();
        assertThat(TABLE.find("LN", "99999-9")).isEmpty();
        assertThat(TABLE.find("LN", null)).isEmpty();
        assertThat(TABLE.find("LN", " ")).isEmpty();
    }

    @Test
    void aMalformedRowFailsAtLoadWithItsLineNumber() {
        assertThatThrownBy(() -> ClinicalTypeTable.read(new StringReader("# comment\nLN\t1-1\tnotAType\n")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("line 2");
    }
}
