package org.oncogate.inference.rules;

import java.util.Arrays;
import java.util.function.Consumer;
import java.util.function.IntPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of a text worth running a pattern over: windows around trigger positions (a cheap character
 * test, such as "node" starting here), merged where they overlap. A pattern whose every match contains a
 * trigger and stays within the window's reach finds the same matches over the regions as over the whole
 * text, at a fraction of the cost: most of a report holds no trigger. Bounds are transparent, so
 * look-behind and look-ahead still see the text around a region.
 */
final class Regions {

    private static final int ASCII = 128;

    private final int[] starts;
    private final int[] ends;
    /** Found when first asked, for the text the regions were made of. */
    private int[] wordStarts;
    /** Per lower case ASCII letter, the {@link #wordStarts} a pattern starting with it may match at; each found when first asked. */
    private final int[][] wordStartsByLetter = new int[ASCII][];
    /** The text the regions were made of with A to Z lower-cased, made when first asked. */
    private String lowerCase;

    private Regions(int[] starts, int[] ends) {
        this.starts = starts;
        this.ends = ends;
    }

    /**
     * Windows from {@code before} characters before to {@code after} characters after each trigger: a position
     * holding one of {@code triggerChars} where {@code trigger} holds. The positions are found with
     * {@link String#indexOf(int, int)}, and {@code trigger} is asked only there, so it must be false wherever
     * none of {@code triggerChars} stands.
     */
    static Regions around(String text, String triggerChars, IntPredicate trigger, int before, int after) {
        int[] next = new int[triggerChars.length()];
        for (int k = 0; k < next.length; k++) {
            next[k] = text.indexOf(triggerChars.charAt(k));
        }
        int[] starts = new int[8];
        int[] ends = new int[8];
        int n = 0;
        for (int i = nearest(next); i >= 0; i = nearest(next)) {
            for (int k = 0; k < next.length; k++) {
                if (next[k] == i) {
                    next[k] = text.indexOf(triggerChars.charAt(k), i + 1);
                }
            }
            if (!trigger.test(i)) {
                continue;
            }
            int start = Math.max(0, i - before);
            int end = Math.min(text.length(), i + after);
            if (n > 0 && start <= ends[n - 1]) {
                ends[n - 1] = Math.max(ends[n - 1], end);
            } else {
                if (n == starts.length) {
                    starts = Arrays.copyOf(starts, 2 * n);
                    ends = Arrays.copyOf(ends, 2 * n);
                }
                starts[n] = start;
                ends[n++] = end;
            }
        }
        return new Regions(Arrays.copyOf(starts, n), Arrays.copyOf(ends, n));
    }

    /** The smallest of the positions that are not -1, or -1. */
    private static int nearest(int[] positions) {
        int nearest = -1;
        for (int p : positions) {
            if (p >= 0 && (nearest < 0 || p < nearest)) {
                nearest = p;
            }
        }
        return nearest;
    }

    /** Whether {@code c} is one of the characters {@code \s} matches (without the UNICODE_CHARACTER_CLASS flag). */
    static boolean regexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /**
     * Whether {@code word} (two or more lower case ASCII letters) starts at {@code i}, ignoring case. The first two
     * characters are compared before {@link String#regionMatches(boolean, int, String, int, int)} is asked: a trigger
     * letter stands at {@code i} wherever this is asked, and most of them start other words. A second character other
     * than ASCII is left to {@code regionMatches}, which folds the case of more than ASCII.
     */
    static boolean wordAt(String text, int i, String word) {
        if ((text.charAt(i) | 0x20) != word.charAt(0) || i + 1 == text.length()) {
            return false;
        }
        char second = text.charAt(i + 1);
        return (second >= ASCII || (second | 0x20) == word.charAt(1)) && text.regionMatches(true, i, word, 0, word.length());
    }

    /**
     * The same as {@link #forEachMatch(String, Pattern, Consumer)} for a pattern without {@code \\G}: the
     * matcher tries only the positions {@code pattern} may start at, each anchored there, and goes on after
     * a match's end, as {@link Matcher#find()} would. A pattern that starts at words is tried only at the
     * {@link #wordStarts} (found once for all such patterns), or when all its words start with one letter only at
     * those {@link #wordStartsWith} it; the others at every position. A pattern {@link CuePattern#holding holding}
     * words is tried only up to the last of them in a region.
     */
    void forEachMatch(String text, CuePattern pattern, Consumer<Matcher> action) {
        Matcher m = pattern.pattern().matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        int[] candidates = !pattern.startsAtWords() ? null
                : pattern.firstLetter() != CuePattern.NO_LETTER ? wordStartsWith(text, pattern.firstLetter()) : wordStarts(text);
        String lower = pattern.holdsWords() ? lowerCase(text) : null;
        int k = 0;
        for (int r = 0; r < starts.length; r++) {
            int i = starts[r];
            int lastStart = pattern.lastStart(lower, starts[r], ends[r]);
            while (i <= lastStart) {
                if (candidates != null) {
                    while (k < candidates.length && candidates[k] < i) {
                        k++;
                    }
                    if (k == candidates.length || candidates[k] > lastStart) {
                        break;
                    }
                    i = candidates[k];
                }
                if (pattern.mayStartAt(text, i) && m.region(i, ends[r]).lookingAt()) {
                    action.accept(m);
                    i = Math.max(m.end(), i + 1);
                } else {
                    i++;
                }
            }
        }
    }

    /**
     * The positions of the regions where an ASCII word starts (a letter, digit or underscore not after one)
     * or a character other than ASCII stands: the only ones where a pattern that {@link CuePattern#startsAtWords()}
     * can match.
     */
    private int[] wordStarts(String text) {
        if (wordStarts == null) {
            int[] found = new int[16];
            int n = 0;
            for (int r = 0; r < starts.length; r++) {
                for (int i = starts[r]; i < ends[r]; i++) {
                    char c = text.charAt(i);
                    boolean start = c >= ASCII
                            || (CuePattern.asciiWord(c) && (i == 0 || !CuePattern.asciiWord(text.charAt(i - 1))));
                    if (start) {
                        if (n == found.length) {
                            found = Arrays.copyOf(found, 2 * n);
                        }
                        found[n++] = i;
                    }
                }
            }
            wordStarts = Arrays.copyOf(found, n);
        }
        return wordStarts;
    }

    /**
     * The {@link #wordStarts} with the lower case ASCII {@code letter} in either case, or a character other than ASCII
     * (which {@link CuePattern#mayStartAt} leaves to the matcher): most patterns over the same regions start with one
     * letter, and each would otherwise be asked at all of a window's words.
     */
    private int[] wordStartsWith(String text, char letter) {
        if (wordStartsByLetter[letter] == null) {
            int[] all = wordStarts(text);
            int[] found = new int[all.length];
            int n = 0;
            for (int i : all) {
                char c = text.charAt(i);
                if (c >= ASCII || (c | 0x20) == letter) {
                    found[n++] = i;
                }
            }
            wordStartsByLetter[letter] = Arrays.copyOf(found, n);
        }
        return wordStartsByLetter[letter];
    }

    /** The text with A to Z lower-cased (no other character, so that every offset stays), made once for all patterns. */
    private String lowerCase(String text) {
        if (lowerCase == null) {
            char[] chars = text.toCharArray();
            for (int i = 0; i < chars.length; i++) {
                if (chars[i] >= 'A' && chars[i] <= 'Z') {
                    chars[i] += 'a' - 'A';
                }
            }
            lowerCase = new String(chars);
        }
        return lowerCase;
    }

    /** Calls {@code action} with the matcher at every match of {@code pattern} in the regions, in text order. */
    void forEachMatch(String text, Pattern pattern, Consumer<Matcher> action) {
        Matcher m = pattern.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        for (int r = 0; r < starts.length; r++) {
            m.region(starts[r], ends[r]);
            while (m.find()) {
                action.accept(m);
            }
        }
    }
}
