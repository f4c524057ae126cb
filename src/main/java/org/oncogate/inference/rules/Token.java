package org.oncogate.inference.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A word of a text: a maximal run of letters and digits, with its matching key and range. */
record Token(String key, int start, int end) {

    /** Words that a term may skip or contain at will ("head of the pancreas" = "head of pancreas"). */
    private static final String SKIPPED = "the";

    /** The words of {@code text}, without skipped ones. */
    static List<Token> of(String text) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            if (!Character.isLetterOrDigit(cp)) {
                i += Character.charCount(cp);
                continue;
            }
            int start = i;
            while (i < text.length() && Character.isLetterOrDigit(text.codePointAt(i))) {
                i += Character.charCount(text.codePointAt(i));
            }
            String key = key(text.substring(start, i));
            if (!key.equals(SKIPPED)) {
                tokens.add(new Token(key, start, i));
            }
        }
        return tokens;
    }

    /** Lower case, with a plural "s" dropped: the same on both sides, so "carcinomas" meets "carcinoma". */
    static String key(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        boolean plural = lower.length() > 3 && lower.endsWith("s") && !lower.endsWith("ss");
        return plural ? lower.substring(0, lower.length() - 1) : lower;
    }
}
