package org.oncogate.inference.rules;

import java.util.regex.Pattern;

/**
 * A case-insensitive pattern that can only start with one of a few characters, compiled behind a
 * zero-width look-ahead for them. The look-ahead changes no match: it turns away a position that cannot
 * start one with a single character test, where the pattern alone would try each of its alternatives
 * there. Most positions of a window start none of the words a cue pattern looks for.
 */
final class CuePattern {

    private CuePattern() {
    }

    /** {@code regex} (matched ignoring case) behind a look-ahead for {@code firstChars}, a character class body. */
    static Pattern startingWith(String firstChars, String regex) {
        return Pattern.compile("(?i)(?=[" + firstChars + "])" + regex);
    }
}
