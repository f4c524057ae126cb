package org.oncogate.intake.hl7;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.oncogate.text.TextDecoder;
import org.oncogate.text.UndecodableTextException;

/**
 * The character sets MSH-18 may name ({@code hl7/charsets.tsv}) and strict decoding in them: bytes
 * that are not valid in the declared charset are refused, never replaced, because a silently
 * altered report could change what is inferred.
 */
final class Hl7Charsets {

    static final String RESOURCE = "hl7/charsets.tsv";
    private static final Map<String, Charset> BY_NAME = load();

    private Hl7Charsets() {
    }

    /** The charset MSH-18 names; null or blank means UTF-8. */
    static Charset forName(String msh18) throws Hl7RejectException {
        if (msh18 == null || msh18.isBlank()) {
            return StandardCharsets.UTF_8;
        }
        Charset charset = BY_NAME.get(msh18.trim().toUpperCase(Locale.ROOT));
        if (charset == null) {
            throw new Hl7RejectException("UnsupportedCharset",
                    "MSH-18 names a character set that the gateway does not support", "MSH-18");
        }
        return charset;
    }

    /** Decodes {@code bytes} strictly; UTF-8 through {@link TextDecoder}, which also drops a byte order mark. */
    static String decode(byte[] bytes, Charset charset, String location) throws Hl7RejectException {
        try {
            return TextDecoder.decode(bytes, charset);
        } catch (UndecodableTextException e) {
            throw invalid(location, e.byteOffset());
        }
    }

    private static Hl7RejectException invalid(String location, long byteOffset) {
        return new Hl7RejectException("InvalidEncoding", "the bytes are not valid in the character set of MSH-18"
                + " (first invalid byte near offset " + byteOffset + ")", location);
    }

    private static Map<String, Charset> load() {
        Map<String, Charset> charsets = new HashMap<>();
        try (InputStream in = Hl7Charsets.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String[] columns = line.split("\t");
                    charsets.put(columns[0].trim().toUpperCase(Locale.ROOT), Charset.forName(columns[1].trim()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(charsets);
    }
}
