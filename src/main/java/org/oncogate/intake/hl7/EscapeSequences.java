package org.oncogate.intake.hl7;

import ca.uhn.hl7v2.parser.EncodingCharacters;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.util.HexFormat;

/**
 * Decodes the HL7 escape sequences of a text value (TX, FT, ST) in one pass, from the value as
 * encoded on the wire:
 * <ul>
 *   <li>{@code \F\ \S\ \T\ \R\ \E\}: the field, component, subcomponent, repetition and escape characters;</li>
 *   <li>{@code \Xhh..\}: bytes in the message's charset; adjacent hex sequences are joined first, so a
 *       UTF-8 character split over several of them decodes;</li>
 *   <li>{@code \.br\}: a line break; {@code \.sp\} and {@code \.sp n\}: a line break and one blank
 *       line (the count is ignored); {@code \.ce\}: a line break; {@code \.sk n\}: one space;</li>
 *   <li>{@code \H\ \N\} (highlighting), {@code \.in\ \.ti\ \.fi\ \.nf\} (layout),
 *       {@code \Cxxyy\ \Mxxyyzz\} (charset switches) and {@code \Z..\} (local): dropped;</li>
 *   <li>anything else between two escape characters, or an escape character without a closing one:
 *       kept as it is here; but the wire form comes from HAPI (see {@link ReportText}), whose parser has
 *       already dropped the escape characters of unknown sequences and stray ones ({@code \Q\} is
 *       {@code Q}, an unescaped {@code C:\temp} is {@code C:temp}).</li>
 * </ul>
 * A component or subcomponent separator that the sender left unescaped in a text value is kept as
 * that character: a text field has no components, so it can only be text.
 */
final class EscapeSequences {

    private EscapeSequences() {
    }

    static String decode(String encoded, EncodingCharacters delimiters, Charset charset, String location)
            throws Hl7RejectException {
        char escape = delimiters.getEscapeCharacter();
        StringBuilder text = new StringBuilder(encoded.length());
        ByteArrayOutputStream hex = new ByteArrayOutputStream();
        int i = 0;
        while (i < encoded.length()) {
            int close = encoded.charAt(i) == escape ? encoded.indexOf(escape, i + 1) : -1;
            if (close < 0) {
                flushHex(hex, text, charset, location);
                text.append(encoded.charAt(i++));
                continue;
            }
            String sequence = encoded.substring(i + 1, close);
            if (isHex(sequence)) {
                hex.writeBytes(hexBytes(sequence, location));
            } else {
                flushHex(hex, text, charset, location);
                String replacement = replacement(sequence, delimiters);
                text.append(replacement != null ? replacement : encoded.substring(i, close + 1));
            }
            i = close + 1;
        }
        flushHex(hex, text, charset, location);
        return text.toString();
    }

    /** What an escape sequence stands for, or null for an unknown one, which stays as it is. */
    private static String replacement(String sequence, EncodingCharacters delimiters) {
        switch (sequence) {
            case "F": return String.valueOf(delimiters.getFieldSeparator());
            case "S": return String.valueOf(delimiters.getComponentSeparator());
            case "T": return String.valueOf(delimiters.getSubcomponentSeparator());
            case "R": return String.valueOf(delimiters.getRepetitionSeparator());
            case "E": return String.valueOf(delimiters.getEscapeCharacter());
            case "H", "N", ".fi", ".nf": return "";
            case ".br", ".ce": return "\n";
            default: break;
        }
        if (sequence.matches("\\.sp( ?\\d+)?")) {
            return "\n\n";
        }
        if (sequence.matches("\\.sk ?\\d+")) {
            return " ";
        }
        if (sequence.matches("\\.(in|ti) ?[+-]?\\d+")
                || sequence.matches("C\\p{XDigit}{4}|M\\p{XDigit}{6}|Z[^ ]*")) {
            return "";
        }
        return null;
    }

    private static boolean isHex(String sequence) {
        return sequence.length() > 1 && sequence.charAt(0) == 'X'
                && sequence.chars().skip(1).allMatch(c -> Character.digit(c, 16) >= 0);
    }

    private static byte[] hexBytes(String sequence, String location) throws Hl7RejectException {
        if (sequence.length() % 2 == 0) {
            throw new Hl7RejectException("InvalidEscapeSequence",
                    "a hexadecimal escape sequence has an odd number of digits", location);
        }
        return HexFormat.of().parseHex(sequence, 1, sequence.length());
    }

    private static void flushHex(ByteArrayOutputStream hex, StringBuilder text, Charset charset, String location)
            throws Hl7RejectException {
        if (hex.size() > 0) {
            text.append(Hl7Charsets.decode(hex.toByteArray(), charset, location));
            hex.reset();
        }
    }
}
