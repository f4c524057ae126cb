package org.oncogate.inference.rules;

import java.util.regex.Pattern;

/**
 * A case-insensitive pattern that can only start with one of a few characters, so that
 * {@link Regions#forEachMatch(String, CuePattern, java.util.function.Consumer)} enters the matcher only at
 * the positions that start with one of them, where {@link java.util.regex.Matcher#find()} would try every
 * alternative of the pattern at every position. Most positions of a window start none of the words a cue
 * pattern looks for.
 */
final class CuePattern {

    private static final int ASCII = 128;

    private final Pattern pattern;
    private final boolean[] asciiStarts = new boolean[ASCII];

    private CuePattern(String firstChars, String regex) {
        this.pattern = Pattern.compile("(?i)" + regex);
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

    /** False only where a match cannot start with {@code c}; other than ASCII is left to the pattern. */
    boolean mayStartWith(char c) {
        return c >= ASCII || asciiStarts[c];
    }
}
