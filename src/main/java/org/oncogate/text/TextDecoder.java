package org.oncogate.text;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes document bytes strictly (UTF-8 unless a channel names another charset): a malformed byte sequence is an error, never a
 * replacement character, because a silently altered report could change what is inferred.
 */
public final class TextDecoder {

    private static final char BOM = '\uFEFF';

    private TextDecoder() {
    }

    /** The text of {@code bytes}, without one leading byte order mark. */
    public static String decode(byte[] bytes) throws UndecodableTextException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        // UTF-8 never yields more UTF-16 units than bytes, so the buffer cannot overflow
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError() || result.isOverflow()) {
            throw new UndecodableTextException(in.position());
        }
        out.flip();
        if (out.hasRemaining() && out.get(out.position()) == BOM) {
            out.position(out.position() + 1);
        }
        return out.toString();
    }

    /** The text of {@code bytes} in {@code charset}, strictly; UTF-8 as {@link #decode(byte[])}. */
    public static String decode(byte[] bytes, Charset charset) throws UndecodableTextException {
        if (charset.equals(StandardCharsets.UTF_8)) {
            return decode(bytes);
        }
        ByteBuffer in = ByteBuffer.wrap(bytes);
        try {
            return charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(in)
                    .toString();
        } catch (CharacterCodingException e) {
            throw new UndecodableTextException(in.position());
        }
    }
}
