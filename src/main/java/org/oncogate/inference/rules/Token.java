package org.oncogate.inference.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A word of a text: a maximal run of letters and digits, with its range and the number its matching key has in
 * the {@link Vocabulary} ({@link Vocabulary#UNKNOWN} for a word no lexicon term holds). A word long enough to be a
 * misreading ({@link PhraseMatcher#MISREAD_MIN_LENGTH} characters or more) also keeps its {@link #key(String)},
 * for {@link PhraseMatcher} to find the lexicon word it misreads; {@code longKey} is null for shorter words.
 */
record Token(int word, int start, int end, String longKey) {

    /** Words that a term may skip or contain at will ("head of the pancreas" = "head of pancreas"). */
    private static final String SKIPPED = "the";
    private static final char[] SKIPPED_CHARS = SKIPPED.toCharArray();
    private static final int ASCII = 128;
    /** Letters and digits within ASCII. */
    private static final boolean[] ASCII_WORD = new boolean[ASCII];

    static {
        for (char c = 0; c < ASCII; c++) {
            ASCII_WORD[c] = Character.isLetterOrDigit(c);
        }
    }

    /** What is done with each word: its range, where its key ends and whether it is all ASCII. */
    private interface WordAction {
        void accept(int start, int end, int keyEnd, boolean ascii);
    }

    /** The words of {@code text}, without skipped ones. */
    static List<Token> of(String text) {
        List<Token> tokens = new ArrayList<>();
        Vocabulary.Table vocabulary = Vocabulary.table();
        char[] chars = text.toCharArray();
        forEachWord(chars, (start, end, keyEnd, ascii) -> {
            boolean longWord = end - start >= PhraseMatcher.MISREAD_MIN_LENGTH;
            if (ascii) {
                if (!Vocabulary.asciiLowerEquals(chars, start, keyEnd, SKIPPED_CHARS)) {
                    tokens.add(new Token(vocabulary.of(chars, start, keyEnd), start, end,
                            longWord ? key(text.substring(start, end)) : null));
                }
            } else {
                String key = key(text.substring(start, end));
                if (!key.equals(SKIPPED)) {
                    tokens.add(new Token(vocabulary.of(key), start, end, longWord ? key : null));
                }
            }
        });
        return tokens;
    }

    /** The keys of the words of {@code text}, without skipped ones. */
    static List<String> keys(String text) {
        List<String> keys = new ArrayList<>();
        forEachWord(text.toCharArray(), (start, end, keyEnd, ascii) -> {
            String key = key(text.substring(start, end));
            if (!key.equals(SKIPPED)) {
                keys.add(key);
            }
        });
        return keys;
    }

    /**
     * Calls {@code action} for each word of {@code text}, in order; for a word of ASCII letters and digits also with
     * the end of its {@link #key(String)} (before a plural "s"), which is then that range lower-cased.
     */
    private static void forEachWord(char[] text, WordAction action) {
        int i = 0;
        int n = text.length;
        while (i < n) {
            char c = text[i];
            if (c < ASCII && !ASCII_WORD[c]) {
                i++;
                continue;
            }
            int cp = Character.codePointAt(text, i);
            if (!Character.isLetterOrDigit(cp)) {
                i += Character.charCount(cp);
                continue;
            }
            int start = i;
            boolean ascii = true;
            while (i < n) {
                char d = text[i];
                if (d < ASCII) {
                    if (!ASCII_WORD[d]) {
                        break;
                    }
                    i++;
                } else {
                    int dp = Character.codePointAt(text, i);
                    if (!Character.isLetterOrDigit(dp)) {
                        break;
                    }
                    ascii = false;
                    i += Character.charCount(dp);
                }
            }
            boolean plural = i - start > 3 && (text[i - 1] | 0x20) == 's' && (text[i - 2] | 0x20) != 's';
            action.accept(start, i, plural ? i - 1 : i, ascii);
        }
    }

    /** Lower case, with a plural "s" dropped: the same on both sides, so "carcinomas" meets "carcinoma". */
    static String key(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        boolean plural = lower.length() > 3 && lower.endsWith("s") && !lower.endsWith("ss");
        return plural ? lower.substring(0, lower.length() - 1) : lower;
    }
}
