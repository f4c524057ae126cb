package org.oncogate.inference.rules;

import java.util.regex.Pattern;

/**
 * A case-insensitive pattern that can only start with one of a few characters, so that
 * {@link Regions#forEachMatch(String, CuePattern, java.util.function.Consumer)} enters the matcher only at
 * the positions that start with one of them, where {@link java.util.regex.Matcher#find()} would try every
 * alternative of the pattern at every position. Most positions of a window start none of the words a cue
 * pattern looks for. A pattern that starts with {@code \b} is not entered inside a word either.
 */
final class CuePattern {

    private static final int ASCII = 128;

    private final Pattern pattern;
    private final boolean[] asciiStarts = new boolean[ASCII];
    /** Whether every match starts at a word boundary ({@code \b} first). */
    private final boolean atBoundary;

    private CuePattern(String firstChars, String regex) {
        this.pattern = Pattern.compile("(?i)" + regex);
        this.atBoundary = regex.startsWith("\\b");
        Pattern first = Pattern.compile("(?i)[" + firstChars + "]");
        for (char c = 0; c < ASCII; c++) {
            asciiStarts[c] = first.matcher(String.valueOf(c)).matches();
        }
    }

    /** {@code regex} (matched ignoring case) that can only start with {@code firstChars}, a character class body. */
    static CuePattern startingWith(String firstChars, String regex) {
        return new CuePattern(firstChars, regex);
    }

    Pattern pattern() {
        return pattern;
    }

    /**
     * False only where no match can start at {@code i}: its character cannot start one, or the pattern starts
     * at a word boundary and {@code i} is inside a word (between two ASCII word characters, where
     * {@code \b} fails whatever the bounds). Other than ASCII is left to the pattern.
     */
    boolean mayStartAt(String text, int i) {
        char c = text.charAt(i);
        if (c >= ASCII) {
            return true;
        }
        return asciiStarts[c] && !(atBoundary && i > 0 && asciiWord(text.charAt(i - 1)) && asciiWord(c));
    }

    /** A word character of {@code \b} (letter, digit or underscore) within ASCII. */
    private static boolean asciiWord(char c) {
        return c < ASCII && (Character.isLetterOrDigit(c) || c == '_');
    }
}
