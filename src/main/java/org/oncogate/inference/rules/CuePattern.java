package org.oncogate.inference.rules;

import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A case-insensitive pattern that can only start with one of a few characters, so that
 * {@link Regions#forEachMatch(String, CuePattern, java.util.function.Consumer)} enters the matcher only at
 * the positions that start with one of them, where {@link java.util.regex.Matcher#find()} would try every
 * alternative of the pattern at every position. Most positions of a window start none of the words a cue
 * pattern looks for. A pattern that starts with {@code \b} is not entered inside a word either.
 *
 * <p>The first characters are declared with the pattern and checked against it when it is made: a
 * character left out that can start a match fails the construction, as it would hide that match. The
 * second characters that may follow each first one, and the third characters that may follow each such pair,
 * are read from the pattern the same way, so that a word that merely starts with a first character ("the",
 * "and", "of") or with a first pair ("carcinoma" for "cannot", "specimen" for "spread") is passed over as well.
 *
 * <p>A pattern may also declare words that every match holds one of ({@link #holding(String...)}): "free" in "tumor-free
 * lymph nodes". {@link Regions} then enters it only before the last of them in a window; most of a window's candidate
 * starts are words such as "lymph" or a number, with no such word after them.
 */
final class CuePattern {

    private static final int ASCII = 128;
    /** The word characters of {@code \b} (letters, digits, underscore) within ASCII. */
    private static final boolean[] WORD = new boolean[ASCII];

    static {
        for (char c = 0; c < ASCII; c++) {
            WORD[c] = Character.isLetterOrDigit(c) || c == '_';
        }
    }
    /** Look-behind, {@code \G} or {@code ^}: what sees the text left of where a match starts. */
    private static final Pattern LOOKS_LEFT = Pattern.compile("\\(\\?<[=!]|\\\\G|(?<!\\[)\\^");
    /** What may stand before a first character while it is checked: nothing, a space, a letter, a digit. */
    private static final List<String> LEFT_CONTEXTS = List.of("", " ", "a", "0");

    private final Pattern pattern;
    /** The matcher that reads the first characters from the pattern while it is made; used by no search. */
    private final Matcher probe;
    private final boolean[] asciiStarts;
    /** Per ASCII first character, the ASCII second characters a match may start with: 128 bits in two longs. */
    private final long[] asciiSeconds;
    /** Per ASCII first character, the number of its first pair with a second character, pairs numbered in order. */
    private final int[] pairBase;
    /** Per pair of ASCII first and second characters a match may start with, the ASCII third characters that may follow. */
    private final long[] asciiThirds;
    /** Whether every match starts at a word boundary ({@code \b} first). */
    private final boolean atBoundary;
    /** Whether nothing but the leading {@code \b} looks left of where a match starts. */
    private final boolean leftBlind;
    /** Whether every match starts where a word starts: {@code \b} first, and only word characters declared first. */
    private final boolean startsAtWords;
    /** The lower case ASCII letter every match starts with in either case (other than ASCII aside), or {@link #NO_LETTER}. */
    private final char firstLetter;
    /** What {@link #firstLetter()} is for a pattern whose matches may start with other characters or several letters. */
    static final char NO_LETTER = 0;
    /** Lower case ASCII words of which every match holds one (matched ignoring case); none declared when empty. */
    private final List<String> held;

    private CuePattern(String firstChars, String regex) {
        this.pattern = Pattern.compile("(?i)" + regex);
        this.probe = pattern.matcher("").useTransparentBounds(true);
        this.atBoundary = regex.startsWith("\\b");
        this.leftBlind = !LOOKS_LEFT.matcher(regex).find();
        this.asciiStarts = new boolean[ASCII];
        this.asciiSeconds = new long[ASCII * 2];
        this.pairBase = new int[ASCII];
        Pattern first = Pattern.compile("(?i)[" + firstChars + "]");
        for (char c = 0; c < ASCII; c++) {
            asciiStarts[c] = first.matcher(String.valueOf(c)).matches();
            if (!asciiStarts[c] && mayStartMatch(String.valueOf(c))) {
                throw new IllegalStateException("a cue pattern can start with '" + c + "', not among its first characters ["
                        + firstChars + "]");
            }
            for (char d = 0; asciiStarts[c] && d < ASCII; d++) {
                if (mayStartMatch(String.valueOf(new char[] {c, d}))) {
                    asciiSeconds[2 * c + (d >> 6)] |= 1L << (d & 63);
                }
            }
        }
        int pairs = 0;
        for (char c = 0; c < ASCII; c++) {
            pairBase[c] = pairs;
            pairs += Long.bitCount(asciiSeconds[2 * c]) + Long.bitCount(asciiSeconds[2 * c + 1]);
        }
        this.asciiThirds = new long[2 * pairs];
        for (char c = 0; c < ASCII; c++) {
            for (char d = 0; d < ASCII; d++) {
                for (char e = 0; maySecond(c, d) && e < ASCII; e++) {
                    if (mayStartMatch(String.valueOf(new char[] {c, d, e}))) {
                        asciiThirds[2 * pair(c, d) + (e >> 6)] |= 1L << (e & 63);
                    }
                }
            }
        }
        boolean wordFirst = true;
        for (char c = 0; c < ASCII; c++) {
            wordFirst &= !asciiStarts[c] || WORD[c];
        }
        this.startsAtWords = atBoundary && wordFirst;
        this.firstLetter = firstLetter(asciiStarts);
        this.held = List.of();
    }

    /** {@code pattern} with its {@code held} words; the rest, read from the pattern once, is shared. */
    private CuePattern(CuePattern pattern, List<String> held) {
        this.pattern = pattern.pattern;
        this.probe = pattern.probe;
        this.asciiStarts = pattern.asciiStarts;
        this.asciiSeconds = pattern.asciiSeconds;
        this.pairBase = pattern.pairBase;
        this.asciiThirds = pattern.asciiThirds;
        this.atBoundary = pattern.atBoundary;
        this.leftBlind = pattern.leftBlind;
        this.startsAtWords = pattern.startsAtWords;
        this.firstLetter = pattern.firstLetter;
        this.held = held;
    }

    /** The one lower case ASCII letter that {@code starts} holds in one or both cases, and nothing else; or {@link #NO_LETTER}. */
    private static char firstLetter(boolean[] starts) {
        char letter = NO_LETTER;
        for (char c = 0; c < ASCII; c++) {
            if (starts[c]) {
                char lower = Character.toLowerCase(c);
                if (lower < 'a' || lower > 'z' || letter != NO_LETTER && letter != lower) {
                    return NO_LETTER;
                }
                letter = lower;
            }
        }
        return letter;
    }

    /**
     * Whether a match may start with {@code start}: the matcher, given {@code start} alone after one of
     * {@link #LEFT_CONTEXTS}, matches it or needs more text to decide.
     */
    private boolean mayStartMatch(String start) {
        for (String left : LEFT_CONTEXTS) {
            Matcher m = probe.reset(left + start).region(left.length(), left.length() + start.length());
            if (m.lookingAt() || m.hitEnd()) {
                return true;
            }
        }
        return false;
    }

    /** {@code regex} (matched ignoring case) that can only start with {@code firstChars}, a character class body. */
    static CuePattern startingWith(String firstChars, String regex) {
        return new CuePattern(firstChars, regex);
    }

    /**
     * This pattern, declaring that every match holds one of {@code words} (lower case ASCII, matched ignoring case) in
     * what it consumes, not only in a look-ahead. Nothing checks that this holds, as no match can be tried on every
     * text: a word the regex does not even spell fails the construction, a typo that would hide every match.
     */
    CuePattern holding(String... words) {
        String regex = pattern.pattern();
        for (String word : words) {
            if (!word.equals(word.toLowerCase(Locale.ROOT)) || !ascii(word, 0, word.length())
                    || !regex.toLowerCase(Locale.ROOT).contains(word)) {
                throw new IllegalStateException("a held word must be lower case ASCII spelled by the pattern: " + word);
            }
        }
        return new CuePattern(this, List.of(words));
    }

    /**
     * The last position of {@code [from, to)} a match within {@code to} may start at: where the last of the
     * {@link #holding held} words that ends by {@code to} starts ({@code from - 1} when none does), or {@code to - 1}
     * when the pattern declares none. {@code lowerCase} is the text with A to Z lower-cased.
     */
    int lastStart(String lowerCase, int from, int to) {
        if (held.isEmpty()) {
            return to - 1;
        }
        int last = from - 1;
        for (String word : held) {
            for (int i = lowerCase.indexOf(word, from); i >= 0 && i + word.length() <= to; i = lowerCase.indexOf(word, i + 1)) {
                last = Math.max(last, i);
            }
        }
        return last;
    }

    /** Whether the pattern declares {@link #holding held} words. */
    boolean holdsWords() {
        return !held.isEmpty();
    }

    Pattern pattern() {
        return pattern;
    }

    /**
     * False only where no match can start at {@code i}: its character cannot start one, nor the two or three characters
     * from {@code i}, or the pattern starts at a word boundary and {@code i} is inside a word (between two ASCII
     * word characters, where {@code \b} fails whatever the bounds). Other than ASCII is left to the pattern.
     */
    boolean mayStartAt(String text, int i) {
        char c = text.charAt(i);
        if (c >= ASCII) {
            return true;
        }
        return asciiStarts[c] && !(atBoundary && i > 0 && asciiWord(text.charAt(i - 1)) && asciiWord(c))
                && mayGoOn(text, i, text.length());
    }

    /**
     * Whether a match starting with the ASCII first character at {@code i} may go on with the next two characters
     * before {@code end}, as far as they are ASCII; other than ASCII is left to the pattern.
     */
    private boolean mayGoOn(String text, int i, int end) {
        if (i + 1 == end) {
            return true;
        }
        char c = text.charAt(i);
        char d = text.charAt(i + 1);
        if (d >= ASCII) {
            return true;
        }
        if (!maySecond(c, d)) {
            return false;
        }
        if (i + 2 == end) {
            return true;
        }
        char e = text.charAt(i + 2);
        return e >= ASCII || (asciiThirds[2 * pair(c, d) + (e >> 6)] & (1L << (e & 63))) != 0;
    }

    /** Whether a match starting with the ASCII {@code c} may go on with the ASCII {@code d}. */
    private boolean maySecond(char c, char d) {
        return (asciiSeconds[2 * c + (d >> 6)] & (1L << (d & 63))) != 0;
    }

    /** The number of the pair of ASCII {@code c} and {@code d}, one that {@link #maySecond} allows. */
    private int pair(char c, char d) {
        long low = asciiSeconds[2 * c];
        return pairBase[c] + (d < 64 ? Long.bitCount(low & ((1L << d) - 1))
                : Long.bitCount(low) + Long.bitCount(asciiSeconds[2 * c + 1] & ((1L << (d - 64)) - 1)));
    }

    /** The lower case ASCII letter every match starts with in either case, or else other than ASCII; or {@link #NO_LETTER}. */
    char firstLetter() {
        return firstLetter;
    }

    /** Whether a match can only start at a position {@link Regions} lists as a word start. */
    boolean startsAtWords() {
        return startsAtWords;
    }

    /** A word character of {@code \b} (letter, digit or underscore) within ASCII. */
    static boolean asciiWord(char c) {
        return c < ASCII && WORD[c];
    }

    private static boolean ascii(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (text.charAt(i) >= ASCII) {
                return false;
            }
        }
        return true;
    }

    /**
     * Calls {@code action} at every match that {@link Matcher#find()} finds in {@code text.substring(from, to)},
     * in order, with offsets in {@code text}: nothing beyond the bounds is seen, as if the substring were the
     * whole text (see {@link Search}).
     */
    void forEachMatch(String text, int from, int to, Consumer<Matcher> action) {
        Search search = new Search(text, from, to);
        while (search.next()) {
            action.accept(search.matcher);
        }
    }

    /** Whether {@link Matcher#find()} finds a match in {@code text.substring(from, to)}. */
    boolean findsIn(String text, int from, int to) {
        return new Search(text, from, to).next();
    }

    /**
     * The matches in {@code text.substring(from, to)}, one by one as {@link Matcher#find()} finds them. The matcher
     * is entered only where a match may start: its character, and a word boundary of the substring for a pattern
     * starting with {@code \b}; a text other than ASCII is left to {@link Matcher#find()}. Only for a pattern that
     * looks left of a match's start with nothing but its leading {@code \b}.
     */
    private final class Search {

        /** Made at the first position worth trying, in a text of ASCII: at most look-backs, none is. */
        private Matcher matcher;
        private final String text;
        private final int from;
        private final int to;
        private final boolean ascii;
        private int next;

        Search(String text, int from, int to) {
            if (!leftBlind) {
                throw new IllegalStateException("a pattern that looks left of its start is searched with Matcher.find()");
            }
            this.text = text;
            this.from = from;
            this.to = to;
            this.ascii = ascii(text, from, to);
            this.next = from;
            if (!ascii) {
                matcher = pattern.matcher(text).region(from, to);
            }
        }

        boolean next() {
            if (!ascii) {
                return matcher.find();
            }
            for (int i = next; i < to; i++) {
                char c = text.charAt(i);
                boolean inWord = atBoundary && i > from && asciiWord(text.charAt(i - 1)) && asciiWord(c);
                if (asciiStarts[c] && !inWord && mayGoOn(text, i, to) && matcher().region(i, to).lookingAt()) {
                    next = Math.max(matcher.end(), i + 1);
                    return true;
                }
            }
            next = to;
            return false;
        }

        private Matcher matcher() {
            if (matcher == null) {
                matcher = pattern.matcher(text);
            }
            return matcher;
        }
    }
}
