package org.oncogate.text;

import java.nio.charset.Charset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;

/**
 * The plain text of an RTF document, minimally: enough for the RTF that report writers emit, not a
 * layout engine. {@code \par} and {@code \line} become a line break, {@code \tab} a tab,
 * {@code \'hh} the windows-1252 character, <code>&#92;uN</code> the Unicode character (its one fallback
 * character skipped), {@code \\ \{ \}} themselves; groups that hold no text (font and colour tables,
 * style sheet, document info, pictures, headers and footers, and any {@code \*} destination) are
 * dropped with their content; every other control word and all braces are dropped; line breaks in the
 * RTF source are not text and are dropped.
 */
public final class RtfText {

    private static final Charset ANSI = Charset.forName("windows-1252");
    private static final Set<String> HIDDEN_DESTINATIONS = Set.of("fonttbl", "colortbl", "stylesheet", "info",
            "pict", "object", "header", "headerl", "headerr", "headerf", "footer", "footerl", "footerr", "footerf",
            "listtable", "listoverridetable", "rsidtbl", "generator", "filetbl", "revtbl", "themedata",
            "colorschememapping", "latentstyles", "datastore", "xmlnstbl");

    private final String rtf;
    private final StringBuilder text = new StringBuilder();
    private final Deque<Boolean> hiddenGroups = new ArrayDeque<>();
    private boolean hidden;
    private int pos;
    private int fallbackToSkip;

    private RtfText(String rtf) {
        this.rtf = rtf;
    }

    public static String toPlainText(String rtf) {
        RtfText reader = new RtfText(rtf);
        reader.read();
        return reader.text.toString();
    }

    private void read() {
        while (pos < rtf.length()) {
            char c = rtf.charAt(pos++);
            switch (c) {
                case '{' -> hiddenGroups.push(hidden);
                case '}' -> hidden = hiddenGroups.isEmpty() ? hidden : hiddenGroups.pop();
                case '\\' -> control();
                case '\r', '\n' -> { }
                default -> emit(String.valueOf(c));
            }
        }
    }

    private void control() {
        if (pos >= rtf.length()) {
            return;
        }
        char c = rtf.charAt(pos);
        if (Character.isLetter(c)) {
            controlWord();
            return;
        }
        pos++;
        switch (c) {
            case '\\', '{', '}' -> emit(String.valueOf(c));
            case '~' -> emit(" ");
            case '_' -> emit("-");
            case '*' -> hidden = true;
            case '\'' -> hexCharacter();
            default -> { } // \- optional hyphen and other control symbols carry no text
        }
    }

    private void controlWord() {
        int start = pos;
        while (pos < rtf.length() && Character.isLetter(rtf.charAt(pos))) {
            pos++;
        }
        String word = rtf.substring(start, pos);
        int parameterStart = pos;
        if (pos < rtf.length() && rtf.charAt(pos) == '-') {
            pos++;
        }
        while (pos < rtf.length() && Character.isDigit(rtf.charAt(pos))) {
            pos++;
        }
        String parameter = rtf.substring(parameterStart, pos);
        if (pos < rtf.length() && rtf.charAt(pos) == ' ') {
            pos++; // the space that ends a control word belongs to it
        }
        switch (word) {
            case "par", "line" -> emit("\n");
            case "tab" -> emit("\t");
            case "u" -> unicode(parameter);
            default -> hidden |= HIDDEN_DESTINATIONS.contains(word);
        }
    }

    private void unicode(String parameter) {
        if (!parameter.matches("-?\\d{1,5}")) {
            return; // RTF parameters are signed 16-bit numbers; anything else is not a character
        }
        int code = Integer.parseInt(parameter);
        emit(String.valueOf((char) (code < 0 ? code + 65536 : code)));
        fallbackToSkip = 1;
    }

    private void hexCharacter() {
        if (pos + 2 > rtf.length()
                || Character.digit(rtf.charAt(pos), 16) < 0 || Character.digit(rtf.charAt(pos + 1), 16) < 0) {
            return;
        }
        int value = Integer.parseInt(rtf.substring(pos, pos + 2), 16);
        pos += 2;
        emit(new String(new byte[] {(byte) value}, ANSI));
    }

    private void emit(String s) {
        if (fallbackToSkip > 0) {
            fallbackToSkip--;
            return;
        }
        if (!hidden) {
            text.append(s);
        }
    }
}
