package org.oncogate.text;

/** How normalization treats one UTF-16 code unit (CR is handled before, as it may pair with LF). */
enum CharacterClass {
    LINE_BREAK, CONTROL, FORMAT, SPACE, KEEP;

    static CharacterClass of(char c) {
        if ((c >= ' ' && c < '\u007F') || c == '\n' || c == '\t') {
            return KEEP; // printable ASCII, the most of any text: neither control, format nor a space other than ' '
        }
        if (c == '\u000B' || c == '\u000C' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
            return LINE_BREAK;
        }
        return switch (Character.getType(c)) {
            case Character.CONTROL -> CONTROL;
            case Character.FORMAT -> FORMAT;
            case Character.SPACE_SEPARATOR -> c == ' ' ? KEEP : SPACE;
            default -> KEEP;
        };
    }

    /**
     * Whether a code point belongs to the NFC run of the character before it: combining marks, and
     * the Hangul vowel and final jamo that compose with a preceding syllable.
     */
    static boolean continuesRun(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.NON_SPACING_MARK
                || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK
                || (codePoint >= 0x1160 && codePoint <= 0x11FF)
                || (codePoint >= 0xD7B0 && codePoint <= 0xD7FF);
    }
}
