package org.oncogate.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.oncogate.testing.PhiCanary;

/** The minimal RTF reduction used for ED text/rtf. */
class RtfTextTest {

    @Test
    void keepsTextAndBreaksAndDropsTablesDestinationsAndControlWords() {
        String rtf = "{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0\\fswiss Arial;}}{\\colortbl;\\red0\\green0\\blue0;}"
                + "{\\*\\generator Writer 1.0;}{\\info{\\author X}}\\viewkind4\\uc1\\pard\\f0\\fs20 "
                + "{\\b FINAL DIAGNOSIS}\\par\r\n" + PhiCanary.MARKER + ": adeno\\-carcinoma, 3\\~cm \\{pT2a\\} \\\\ pN1\\line "
                + "{\\field{\\*\\fldinst PAGE}{\\fldrslt 1}}\\tab end\\u8805?\\par}";

        assertThat(RtfText.toPlainText(rtf))
                .isEqualTo("FINAL DIAGNOSIS\n" + PhiCanary.MARKER + ": adenocarcinoma, 3 cm {pT2a} \\ pN1\n1\tend\u2265\n");
    }

    @Test
    void toleratesTruncatedAndOddInputByKeepingWhatIsNotAValidControl() {
        assertThat(RtfText.toPlainText("{\\rtf1 a\\'zz b\\u99999999? c\\")).isEqualTo("azz b? c");
        assertThat(RtfText.toPlainText("plain")).isEqualTo("plain");
    }
}
