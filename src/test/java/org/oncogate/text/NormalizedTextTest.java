package org.oncogate.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.text.Normalizer;
import org.junit.jupiter.api.Test;

/** Every case finds a token in the normalized text and checks that it maps back to the same token as submitted. */
class NormalizedTextTest {

    /** The submitted substring that the normalized occurrence of {@code token} maps back to. */
    private static String submittedOf(String submitted, String token) {
        NormalizedText normalized = NormalizedText.of(submitted);
        int start = normalized.text().indexOf(token);
        assertThat(start).as("token present in normalized text").isNotNegative();
        Span span = normalized.toSubmitted(start, start + token.length());
        return submitted.substring(span.offset(), span.end());
    }

    private static String nfc(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFC);
    }

    @Test
    void crlfAndLoneCrBecomeLfAndOffsetsRoundTrip() {
        String submitted = "Diagnosis:\r\nadenocarcinoma\r\rpT2 N0\rM0";
        NormalizedText normalized = NormalizedText.of(submitted);
        assertThat(normalized.text()).isEqualTo("Diagnosis:\nadenocarcinoma\n\npT2 N0\nM0");
        assertThat(submittedOf(submitted, "adenocarcinoma")).isEqualTo("adenocarcinoma");
        assertThat(submittedOf(submitted, "pT2 N0")).isEqualTo("pT2 N0");
        assertThat(submittedOf(submitted, "M0")).isEqualTo("M0");
        assertThat(submittedOf(submitted, ":\nad")).isEqualTo(":\r\nad"); // the LF covers both CR and LF
    }

    @Test
    void aTextLeftAsItIsMapsEveryCharToItself() {
        String submitted = "Diagnosis:\n\tadenocarcinoma, pT2 N0";
        NormalizedText normalized = NormalizedText.of(submitted);
        assertThat(normalized.text()).isEqualTo(submitted);
        assertThat(normalized.toSubmitted(11, 26)).isEqualTo(new Span(11, 15));
        assertThat(normalized.submittedStart(submitted.length())).isEqualTo(submitted.length());
        assertThat(submittedOf(submitted, "pT2 N0")).isEqualTo("pT2 N0");
    }

    /** The premise of skipping NFC for a text below U+0300: NFC changes no such char, nor composes any two of them. */
    @Test
    void nfcLeavesEveryPairOfCharsBelowTheCombiningMarksAsItIs() {
        int unchanged = 0;
        for (char c = 0; c < NormalizedText.FIRST_COMBINING_MARK; c++) {
            for (char d = 0; d < NormalizedText.FIRST_COMBINING_MARK; d++) {
                String pair = new String(new char[] {c, d});
                unchanged += nfc(pair).equals(pair) ? 1 : 0;
            }
        }
        int chars = NormalizedText.FIRST_COMBINING_MARK;
        assertThat(unchanged).isEqualTo(chars * chars);
        assertThat(NormalizedText.belowCombiningMarks("Tumor size: 2.5 cm, r\u00E9sum\u00E9 \u00FF\u02FF")).isTrue();
        assertThat(NormalizedText.belowCombiningMarks("ne\u0301oplasie")).isFalse();
    }

    @Test
    void decomposedAccentIsComposedAndMapsToBothSubmittedChars() {
        String submitted = "ne\u0301oplasie maligne";
        NormalizedText normalized = NormalizedText.of(submitted);
        assertThat(normalized.text()).isEqualTo("n\u00E9oplasie maligne");
        assertThat(submittedOf(submitted, "n\u00E9oplasie")).isEqualTo("ne\u0301oplasie");
        assertThat(nfc(submittedOf(submitted, "n\u00E9oplasie"))).isEqualTo("n\u00E9oplasie");
        assertThat(submittedOf(submitted, "maligne")).isEqualTo("maligne");
        assertThat(normalized.toSubmitted(1, 2)).isEqualTo(new Span(1, 2));
    }

    @Test
    void composedAccentIsUnchanged() {
        String submitted = "carcinome \u00E9pidermo\u00EFde";
        assertThat(NormalizedText.of(submitted).text()).isEqualTo(submitted);
        assertThat(submittedOf(submitted, "\u00E9pidermo\u00EFde")).isEqualTo("\u00E9pidermo\u00EFde");
    }

    @Test
    void severalCombiningMarksOnOneBaseFormOneRun() {
        String submitted = "xa\u0323\u0302y"; // a + dot below + circumflex composes to U+1EAD
        NormalizedText normalized = NormalizedText.of(submitted);
        assertThat(normalized.text()).isEqualTo("x\u1EADy");
        assertThat(submittedOf(submitted, "\u1EADy")).isEqualTo("a\u0323\u0302y");
        assertThat(normalized.submittedStart(2)).isEqualTo(4);
    }

    @Test
    void controlCharactersBecomeSpacesAndKeepWordsApart() {
        String submitted = "lung\u0000adenocarcinoma\u0007 pT1\u009Fa";
        NormalizedText normalized = NormalizedText.of(submitted);
        assertThat(normalized.text()).isEqualTo("lung adenocarcinoma  pT1 a");
        assertThat(submittedOf(submitted, "adenocarcinoma")).isEqualTo("adenocarcinoma");
        assertThat(submittedOf(submitted, "pT1")).isEqualTo("pT1");
    }

    @Test
    void tabsAndLineFeedsAreKeptAndVerticalBreaksBecomeLineFeeds() {
        String submitted = "a\tb\u000Cc\u2028d\u0085e";
        assertThat(NormalizedText.of(submitted).text()).isEqualTo("a\tb\nc\nd\ne");
    }

    @Test
    void leadingBomAndZeroWidthCharactersAreRemoved() {
        String submitted = "\uFEFFcarci\u200Bnoma of the bre\u00ADast\u200D";
        NormalizedText normalized = NormalizedText.of(submitted);
        assertThat(normalized.text()).isEqualTo("carcinoma of the breast");
        assertThat(submittedOf(submitted, "carcinoma")).isEqualTo("carci\u200Bnoma");
        assertThat(submittedOf(submitted, "breast")).isEqualTo("bre\u00ADast");
        assertThat(normalized.submittedStart(0)).isEqualTo(1);
    }

    @Test
    void nonBreakingSpacesBecomeSpaces() {
        String submitted = "pT2\u00A0N0\u202FM0\u3000x";
        NormalizedText normalized = NormalizedText.of(submitted);
        assertThat(normalized.text()).isEqualTo("pT2 N0 M0 x");
        assertThat(submittedOf(submitted, "pT2 N0 M0")).isEqualTo("pT2\u00A0N0\u202FM0");
    }

    @Test
    void surrogatePairsKeepTheirOffsets() {
        String submitted = "\uD83D\uDE00\uD83D\uDC4D pT3 \uD83E\uDDEC N1";
        NormalizedText normalized = NormalizedText.of(submitted);
        assertThat(normalized.text()).isEqualTo(submitted);
        assertThat(submittedOf(submitted, "pT3")).isEqualTo("pT3");
        assertThat(submittedOf(submitted, "\uD83E\uDDEC")).isEqualTo("\uD83E\uDDEC");
        assertThat(submittedOf(submitted, "N1")).isEqualTo("N1");
    }

    @Test
    void surrogatePairsBeforeADecomposedAccentAndCrlf() {
        String submitted = "\uD83D\uDE00\r\nme\u0301lanome \uD83D\uDE00 pT1b";
        NormalizedText normalized = NormalizedText.of(submitted);
        assertThat(normalized.text()).isEqualTo("\uD83D\uDE00\nm\u00E9lanome \uD83D\uDE00 pT1b");
        assertThat(submittedOf(submitted, "m\u00E9lanome")).isEqualTo("me\u0301lanome");
        assertThat(submittedOf(submitted, "pT1b")).isEqualTo("pT1b");
    }

    @Test
    void everyNormalizedIndexMapsIntoTheSubmittedText() {
        String submitted = "\uFEFFa\r\ne\u0301\u0000\uD83D\uDE00\u00A0z\u200B";
        NormalizedText normalized = NormalizedText.of(submitted);
        int previous = 0;
        for (int i = 0; i <= normalized.text().length(); i++) {
            int start = normalized.submittedStart(i);
            assertThat(start).isBetween(previous, submitted.length());
            previous = start;
        }
        assertThat(normalized.submittedStart(normalized.text().length())).isEqualTo(submitted.length());
        assertThat(normalized.toSubmitted(0, normalized.text().length()))
                .isEqualTo(new Span(1, submitted.length() - 2)); // leading BOM and trailing ZWSP sit outside
    }

    @Test
    void emptySpansAndBoundsAreChecked() {
        NormalizedText normalized = NormalizedText.of("ab");
        assertThat(normalized.toSubmitted(1, 1)).isEqualTo(new Span(1, 0));
        assertThatThrownBy(() -> normalized.toSubmitted(2, 1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> normalized.submittedStart(3)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThat(NormalizedText.of("").text()).isEmpty();
    }

    @Test
    void toStringDoesNotPrintTheText() {
        assertThat(NormalizedText.of("secret carcinoma").toString()).doesNotContain("carcinoma");
    }
}
