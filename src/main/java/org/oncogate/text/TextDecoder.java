package org.oncogate.text;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes document bytes as strict UTF-8: a malformed byte sequence is an error, never a
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
}
