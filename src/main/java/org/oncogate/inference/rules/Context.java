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
    /** "Nipple: uninvolved", "skin, negative for tumor", "Ovary, right: unremarkable", "Cervix. - No tumor seen". */
    private static final Pattern UNINVOLVED_AFTER = Pattern.compile(
            "(?i)^(?:\\s*\\.\\s*-)?[\\s:,\\-]*(?:(?:right|left|bilateral)\\b[\\s:,\\-]*)?(?:(?:is|are)\\s+)?(?:uninvolved|not involved|negative|free of|no tumou?r|no carcinoma|no malignancy|unremarkable|benign|within normal limits)\\b");
    /** "family history of breast cancer", "mother with ovarian cancer": another person's disease. */
    private static final Pattern FAMILY_BEFORE = Pattern.compile(
            "(?i)\\b(?:family\\s+history|fhx|family\\s+hx|(?:mother|father|sister|brother|aunt|uncle|grandmother|grandfather|cousin|daughter|son)(?:'s)?\\s+(?:with|had|has|diagnosed|died))\\b[^.;\\n]*$");
    /**
     * "history of colon cancer", "prior mastectomy for carcinoma", "differential diagnosis includes",
     * "suspicious for": a past or uncertain statement, which counts {@link #UNCERTAIN} of a present one.
     */
    private static final Pattern UNCERTAIN_BEFORE = Pattern.compile(
            "(?i)\\b(?:history\\s+of|hx\\s+of|h/o|previous(?:ly)?|prior|remote|status\\s+post|s/p|differential(?:\\s+diagnosis)?"
                    + "|suspicious\\s+for|suspected|possible|possibly|probable|cannot\\s+be\\s+excluded|versus|vs\\.?)\\b[^.;\\n]*$");
    /** "benign ovary", "uninvolved endometrium", "unremarkable cervix": an organ said to be free of tumour. */
    private static final Pattern UNINVOLVED_BEFORE = Pattern.compile(
            "(?i)\\b(?:benign|uninvolved|unremarkable|normal|non-?neoplastic|background|atrophic|inactive|proliferative|secretory)"
                    + "(?:\\s+(?:appearing|looking))?\\s+(?:[a-z-]+\\s+){0,2}$");
    /** "ureteral margin", "bronchial resection margin", "skin ellipse": the organ as a margin or a part of the specimen. */
    private static final Pattern PART_AFTER = Pattern.compile(
            "(?i)^[\\s,]*(?:(?:resection|surgical|soft\\s+tissue|mucosal|distal|proximal)\\s+)?(?:margins?|ellipse|edge)\\b");
    static final double UNCERTAIN = 0.5;
    private static final Pattern SITE_LABEL_BEFORE = Pattern.compile(
            "(?i)\\b(?:(?:tumou?r|primary|anatomic(?:al)?|specimen)\\s+(?:tumou?r\\s+)?(?:site|location|localization)|site\\s+of\\s+(?:tumou?r|primary)|localisation|location)"
                    + "\\s*:\\s*(?:[a-z-]+\\s*,?\\s*){0,3}$");

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

    /**
     * How much a statement counts given what precedes it in its sentence: 0 for another person's disease,
     * {@link #UNCERTAIN} for a past or hypothetical one, 1 otherwise.
     */
    /** Whether a synoptic label stands right before {@code start}: "Tumor site: ", "Primary tumor location: left". */
    static boolean labelledSite(String text, int start) {
        return SITE_LABEL_BEFORE.matcher(before(text, start)).find();
    }

    static double assertion(String text, int start) {
        String before = before(text, start);
        if (FAMILY_BEFORE.matcher(before).find()) {
            return 0;
        }
        return UNCERTAIN_BEFORE.matcher(before).find() ? UNCERTAIN : 1;
    }

    /** Whether the words around a site name an organ free of tumour or a margin, not the tumour's site. */
    static boolean notTheTumour(String text, int start, int end) {
        return UNINVOLVED_BEFORE.matcher(before(text, start)).find() || PART_AFTER.matcher(after(text, end)).find()
                || uninvolved(text, end);
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
