package org.oncogate.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TextDecoderTest {

    @Test
    void decodesValidUtf8IncludingSupplementaryCharacters() throws Exception {
        String text = "Résumé pT2 \uD83D\uDE00";
        assertThat(TextDecoder.decode(text.getBytes(StandardCharsets.UTF_8))).isEqualTo(text);
    }

    @Test
    void stripsExactlyOneLeadingBom() throws Exception {
        byte[] bytes = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, (byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'a'};
        assertThat(TextDecoder.decode(bytes)).isEqualTo("\uFEFFa");
    }

    @Test
    void keepsABomThatIsNotLeading() throws Exception {
        assertThat(TextDecoder.decode("a\uFEFF".getBytes(StandardCharsets.UTF_8))).isEqualTo("a\uFEFF");
    }

    @Test
    void emptyInputIsEmptyText() throws Exception {
        assertThat(TextDecoder.decode(new byte[0])).isEmpty();
    }

    @Test
    void reportsTheOffsetOfAMalformedByteWithoutContent() {
        byte[] bytes = {'p', 'T', '2', (byte) 0xC3, '('}; // 0xC3 starts a 2-byte sequence; '(' cannot continue it
        assertThatThrownBy(() -> TextDecoder.decode(bytes))
                .isInstanceOf(UndecodableTextException.class)
                .hasMessage("invalid UTF-8 at byte 3")
                .extracting(e -> ((UndecodableTextException) e).byteOffset()).isEqualTo(3L);
    }

    @Test
    void rejectsLatin1InsteadOfReplacingIt() {
        byte[] latin1 = "caf\u00E9".getBytes(StandardCharsets.ISO_8859_1); // 0xE9 alone is not UTF-8
        assertThatThrownBy(() -> TextDecoder.decode(latin1))
                .isInstanceOf(UndecodableTextException.class)
                .hasMessage("invalid UTF-8 at byte 3");
    }

    @Test
    void rejectsOverlongEncodingsAndEncodedSurrogates() {
        byte[] overlongSlash = {(byte) 0xC0, (byte) 0xAF};
        byte[] encodedSurrogate = {'x', (byte) 0xED, (byte) 0xA0, (byte) 0x80};
        assertThatThrownBy(() -> TextDecoder.decode(overlongSlash)).hasMessage("invalid UTF-8 at byte 0");
        assertThatThrownBy(() -> TextDecoder.decode(encodedSurrogate)).hasMessage("invalid UTF-8 at byte 1");
    }

    @Test
    void rejectsATruncatedSequenceAtTheEnd() {
        byte[] truncatedEuro = {'a', 'b', (byte) 0xE2, (byte) 0x82};
        assertThatThrownBy(() -> TextDecoder.decode(truncatedEuro)).hasMessage("invalid UTF-8 at byte 2");
    }
}
