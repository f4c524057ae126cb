package org.oncogate.inference.rules;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A case-insensitive pattern for the words right after a mention ("Nipple: uninvolved", "carcinoma: not identified"),
 * anchored where the mention ends and matched in a window of the text as if it were the whole text. Its match may first
 * skip white space and a few punctuation characters, and then its first word starts with one of a few characters:
 * the matcher is made and run only where such a character follows the skipped ones, as most mentions are followed by
 * other words. The first characters are declared with the pattern and checked against it when it is made, as in
 * {@link CuePattern}: a character left out that can start the first word fails the construction.
 */
final class WordsAfter {

    private static final int ASCII = 128;
    /** The characters {@code \s} matches (without the UNICODE_CHARACTER_CLASS flag). */
    private static final String SPACES = " \t\n\u000B\f\r";
    /** What may stand before a first character while it is checked: nothing, or some of the skipped characters. */
    private static final List<String> LEFT_CONTEXTS = List.of("", " ", ": ", " - ", ", ", " . - ");

    private final Pattern pattern;
    private final boolean[] skipped = new boolean[ASCII];
    private final boolean[] firsts = new boolean[ASCII];

    /**
     * {@code regex} matched from where a mention ends ({@code ^} is put before it), whose match consumes only white
     * space and {@code skippedChars} before a character of {@code firstChars} (a letter stands for both cases).
     */
    WordsAfter(String skippedChars, String firstChars, String regex) {
        this.pattern = Pattern.compile("(?i)^" + regex);
        for (char c : (SPACES + skippedChars).toCharArray()) {
            skipped[c] = true;
        }
        for (char c : firstChars.toCharArray()) {
            firsts[Character.toLowerCase(c)] = true;
            firsts[Character.toUpperCase(c)] = true;
        }
        Matcher probe = pattern.matcher("");
        for (char c = 0; c < ASCII; c++) {
            for (String left : LEFT_CONTEXTS) {
                if (!skipped[c] && !firsts[c] && (probe.reset(left + c).lookingAt() || probe.hitEnd())) {
                    throw new IllegalStateException("the words after can start with '" + c + "', not among [" + firstChars + "]");
                }
            }
        }
    }

    /** Whether the pattern matches {@code text} from {@code from}, seeing no further than {@code to}. */
    boolean matches(String text, int from, int to) {
        int i = from;
        while (i < to && text.charAt(i) < ASCII && skipped[text.charAt(i)]) {
            i++;
        }
        // case is ignored within ASCII only, so a first character other than ASCII starts no word of the pattern
        if (i == to || text.charAt(i) >= ASCII || !firsts[text.charAt(i)]) {
            return false;
        }
        return pattern.matcher(text).region(from, to).lookingAt();
    }
}
