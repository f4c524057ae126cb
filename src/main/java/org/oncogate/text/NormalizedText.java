package org.oncogate.text;

import java.text.Normalizer;
import java.util.Arrays;

/**
 * The text the inference engine reads, with a map from every normalized character back to the
 * range of the submitted text it came from, so that evidence can point into what the client sent.
 *
 * <p>Normalization, in this order:
 * <ol>
 *   <li>CRLF and lone CR become LF; the other line-breaking characters (VT, FF, NEL, U+2028,
 *       U+2029) become LF as well, so line structure survives.</li>
 *   <li>Other control characters (C0 and C1, DEL) become a space: they usually stand between words
 *       (a stray field separator, a tab surrogate), and removing them could glue two words into one
 *       that no rule recognises.</li>
 *   <li>Format characters (Unicode category Cf: U+FEFF, zero-width space and joiners, soft hyphen,
 *       direction marks) are removed: they are invisible and usually sit inside a word, which a space
 *       would split.</li>
 *   <li>Space separators (non-breaking, narrow, figure, ideographic ...) become a plain space.</li>
 *   <li>Unicode NFC, applied run by run: a run starts at a character that is not a combining mark, and
 *       every character NFC makes of a run maps to the whole submitted range of that run.</li>
 * </ol>
 */
public final class NormalizedText {

    /** U+0300, the first combining mark: no char below it is changed by NFC or composes with the char before it. */
    static final char FIRST_COMBINING_MARK = '\u0300';

    private final String text;
    private final int submittedLength;
    /** For each normalized char: first submitted index of its source range. */
    private final int[] starts;
    /** For each normalized char: submitted index just past its source range. */
    private final int[] ends;

    private NormalizedText(String text, int submittedLength, int[] starts, int[] ends) {
        this.text = text;
        this.submittedLength = submittedLength;
        this.starts = starts;
        this.ends = ends;
    }

    /** Normalizes {@code submitted}, the document text exactly as the client sent it. */
    public static NormalizedText of(String submitted) {
        Mapped cleaned = clean(submitted);
        Mapped composed = compose(cleaned);
        return new NormalizedText(composed.text(), submitted.length(), composed.starts(), composed.ends());
    }

    /** The normalized text the engine reads. */
    public String text() {
        return text;
    }

    /** Where the normalized character at {@code normalizedIndex} starts in the submitted text; the end index maps to the end. */
    public int submittedStart(int normalizedIndex) {
        if (normalizedIndex < 0 || normalizedIndex > text.length()) {
            throw new IndexOutOfBoundsException("normalized index out of range");
        }
        return normalizedIndex == text.length() ? submittedLength : starts[normalizedIndex];
    }

    /** The submitted range that produced the normalized range [normalizedStart, normalizedEnd). */
    public Span toSubmitted(int normalizedStart, int normalizedEnd) {
        if (normalizedStart < 0 || normalizedStart > normalizedEnd || normalizedEnd > text.length()) {
            throw new IndexOutOfBoundsException("normalized range out of bounds");
        }
        if (normalizedStart == normalizedEnd) {
            return new Span(submittedStart(normalizedStart), 0);
        }
        int offset = starts[normalizedStart];
        return new Span(offset, ends[normalizedEnd - 1] - offset);
    }

    @Override
    public String toString() {
        return "NormalizedText[length=" + text.length() + "]";
    }

    /** Steps 1 to 4: one pass over the code units, each output char mapped to its source range. */
    private static Mapped clean(String s) {
        MappedBuilder out = new MappedBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\r') {
                int end = i + 1 < s.length() && s.charAt(i + 1) == '\n' ? i + 2 : i + 1;
                out.append('\n', i, end);
                i = end;
                continue;
            }
            switch (CharacterClass.of(c)) {
                case LINE_BREAK -> out.append('\n', i, i + 1);
                case CONTROL, SPACE -> out.append(' ', i, i + 1);
                case FORMAT -> { } // removed: its range is absorbed by the spans around it
                case KEEP -> out.append(c, i, i + 1);
            }
            i++;
        }
        return out.build();
    }

    /**
     * Step 5: NFC by runs, so that every composed char still maps to the submitted range of its run. A text below
     * U+0300 (where the combining marks begin) is in NFC already, so most texts skip the check.
     */
    private static Mapped compose(Mapped cleaned) {
        String s = cleaned.text();
        if (belowCombiningMarks(s) || Normalizer.isNormalized(s, Normalizer.Form.NFC)) {
            return cleaned;
        }
        MappedBuilder out = new MappedBuilder(s.length());
        int runStart = 0;
        while (runStart < s.length()) {
            int runEnd = runStart + Character.charCount(s.codePointAt(runStart));
            while (runEnd < s.length() && CharacterClass.continuesRun(s.codePointAt(runEnd))) {
                runEnd += Character.charCount(s.codePointAt(runEnd));
            }
            String run = s.substring(runStart, runEnd);
            String normalized = Normalizer.normalize(run, Normalizer.Form.NFC);
            if (normalized.equals(run)) {
                for (int k = runStart; k < runEnd; k++) {
                    out.append(s.charAt(k), cleaned.starts()[k], cleaned.ends()[k]);
                }
            } else {
                for (int k = 0; k < normalized.length(); k++) {
                    out.append(normalized.charAt(k), cleaned.starts()[runStart], cleaned.ends()[runEnd - 1]);
                }
            }
            runStart = runEnd;
        }
        return out.build();
    }

    /** Whether every char of {@code s} is below U+0300: no combining mark, nothing NFC would change. */
    static boolean belowCombiningMarks(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= FIRST_COMBINING_MARK) {
                return false;
            }
        }
        return true;
    }

    /** A text with, per char, the [start, end) range of its source. */
    private record Mapped(String text, int[] starts, int[] ends) {
    }

    private static final class MappedBuilder {
        private final StringBuilder text;
        private int[] starts;
        private int[] ends;

        MappedBuilder(int capacity) {
            text = new StringBuilder(capacity);
            starts = new int[Math.max(capacity, 1)];
            ends = new int[Math.max(capacity, 1)];
        }

        void append(char c, int start, int end) {
            int n = text.length();
            if (n == starts.length) {
                starts = Arrays.copyOf(starts, n * 2);
                ends = Arrays.copyOf(ends, n * 2);
            }
            text.append(c);
            starts[n] = start;
            ends[n] = end;
        }

        Mapped build() {
            int n = text.length();
            return new Mapped(text.toString(), Arrays.copyOf(starts, n), Arrays.copyOf(ends, n));
        }
    }
}
