package org.oncogate.inference.rules;

import java.util.regex.Pattern;

/**
 * What the words around a mention say about it: whether it is negated ("no evidence of carcinoma",
 * "negative for malignancy", "carcinoma in situ: not identified") or names a metastasis
 * ("metastatic carcinoma", "metastasis to the liver"). The look-back stays within the sentence and
 * at most {@link #WINDOW} characters, so each check is short and bounded.
 */
final class Context {

    static final int WINDOW = 60;
    private static final int AFTER_WINDOW = 30;

    private static final Pattern NEGATION_BEFORE = Pattern.compile(
            "(?i)\\b(?:no|not|negative for|without|free of|absence of|absent|rule out|ruled out|r/o|excluded)\\b"
                    + "(?!.*\\b(?:but|however|although|except)\\b)[^.;\\n]*$");
    private static final Pattern NEGATION_AFTER = Pattern.compile(
            "(?i)^\\s*[:\\-]?\\s*(?:not identified|not present|not seen|absent|none)\\b");
    /** "Nipple: uninvolved", "skin, negative for tumor": an organ named as free of the tumour. */
    private static final Pattern UNINVOLVED_AFTER = Pattern.compile(
            "(?i)^[\\s:,\\-]*(?:(?:is|are)\\s+)?(?:uninvolved|not involved|negative|free of|no tumou?r|no carcinoma|no malignancy|unremarkable|benign|within normal limits)\\b");
    private static final Pattern METASTASIS_BEFORE = Pattern.compile(
            "(?i)\\b(?:metastatic|metastasis|metastases|metastasized|metastasised|spread)\\b[^.;\\n]*$");

    private Context() {
    }

    static boolean negated(String text, int start, int end) {
        return NEGATION_BEFORE.matcher(before(text, start)).find() || NEGATION_AFTER.matcher(after(text, end)).find();
    }

    /** Whether the words right after a site say the organ is free of the tumour. */
    static boolean uninvolved(String text, int end) {
        return UNINVOLVED_AFTER.matcher(after(text, end)).find();
    }

    static boolean metastatic(String text, int start) {
        return METASTASIS_BEFORE.matcher(before(text, start)).find();
    }

    /** The text before {@code start} within its sentence, at most {@link #WINDOW} characters. */
    private static String before(String text, int start) {
        int from = Math.max(0, start - WINDOW);
        for (int i = start - 1; i >= from; i--) {
            char c = text.charAt(i);
            if (c == '.' || c == ';' || c == '\n') {
                from = i + 1;
                break;
            }
        }
        return text.substring(from, start);
    }

    private static String after(String text, int end) {
        return text.substring(end, Math.min(text.length(), end + AFTER_WINDOW));
    }
}
