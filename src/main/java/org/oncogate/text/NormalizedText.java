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
    /** The text with, for each char, the range of the submitted text it came from. */
    private final Mapped mapped;

    private NormalizedText(Mapped mapped, int submittedLength) {
        this.text = mapped.text();
        this.submittedLength = submittedLength;
        this.mapped = mapped;
    }

    /** Normalizes {@code submitted}, the document text exactly as the client sent it. */
    public static NormalizedText of(String submitted) {
        Mapped cleaned = clean(submitted);
        return new NormalizedText(compose(cleaned), submitted.length());
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
        return normalizedIndex == text.length() ? submittedLength : mapped.start(normalizedIndex);
    }

    /** The submitted range that produced the normalized range [normalizedStart, normalizedEnd). */
    public Span toSubmitted(int normalizedStart, int normalizedEnd) {
        if (normalizedStart < 0 || normalizedStart > normalizedEnd || normalizedEnd > text.length()) {
            throw new IndexOutOfBoundsException("normalized range out of bounds");
        }
        if (normalizedStart == normalizedEnd) {
            return new Span(submittedStart(normalizedStart), 0);
        }
        int offset = mapped.start(normalizedStart);
        return new Span(offset, mapped.end(normalizedEnd - 1) - offset);
    }

    @Override
    public String toString() {
        return "NormalizedText[length=" + text.length() + "]";
    }

    /**
     * Steps 1 to 4: one pass over the code units, each output char mapped to its source range. A text they leave as it
     * is (no CR, nothing but printable characters, LF and tab) is kept, with no map.
     */
    private static Mapped clean(String s) {
        int i = 0;
        while (i < s.length() && s.charAt(i) != '\r' && CharacterClass.of(s.charAt(i)) == CharacterClass.KEEP) {
            i++;
        }
        if (i == s.length()) {
            return new Mapped(s, null, null);
        }
        MappedBuilder out = new MappedBuilder(s.length());
        for (int k = 0; k < i; k++) {
            out.append(s.charAt(k), k, k + 1);
        }
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
                    out.append(s.charAt(k), cleaned.start(k), cleaned.end(k));
                }
            } else {
                for (int k = 0; k < normalized.length(); k++) {
                    out.append(normalized.charAt(k), cleaned.start(runStart), cleaned.end(runEnd - 1));
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

    /** A text with, per char, the [start, end) range of its source; null maps for a text that is its source. */
    private record Mapped(String text, int[] starts, int[] ends) {

        int start(int i) {
            return starts == null ? i : starts[i];
        }

        int end(int i) {
            return ends == null ? i + 1 : ends[i];
        }

        @Override
        public String toString() {
            return "Mapped[length=" + text.length() + "]";
        }
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

        /** The text and its maps; the maps may be longer than the text (never read past it). */
        Mapped build() {
            return new Mapped(text.toString(), starts, ends);
        }
    }
}
