package org.oncogate.inference.rules;

import java.lang.ref.WeakReference;
import java.util.HashMap;
import java.util.Map;
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

    /**
     * The cue words a look-back can find, in one pattern so that a window is scanned once: a negation ("no",
     * "negative for"), a contrast that ends it ("but", "however"), another person ("family history", "mother
     * with"), a past or uncertain statement ("history of", "prior", "differential", "suspicious for") and a
     * metastasis ("metastatic", "spread").
     */
    private static final CuePattern CUES_BEFORE = CuePattern.startingWith("abcdefghmnprsuvw", "\\b(?:"
            + "(?<negation>no|not|negative for|without|free of|absence of|absent|rule out|ruled out|r/o|excluded)"
            + "|(?<contrast>but|however|although|except)"
            + "|(?<family>family\\s+history|fhx|family\\s+hx|(?:mother|father|sister|brother|aunt|uncle|grandmother|grandfather"
            + "|cousin|daughter|son)(?:'s)?\\s+(?:with|had|has|diagnosed|died))"
            + "|(?<uncertain>history\\s+of|hx\\s+of|h/o|previous(?:ly)?|prior|remote|status\\s+post|s/p|differential(?:\\s+diagnosis)?"
            + "|suspicious\\s+for|suspected|possible|possibly|probable|cannot\\s+be\\s+excluded|versus|vs\\.?)"
            + "|(?<metastasis>metastatic|metastasis|metastases|metastasized|metastasised|spread))\\b");

    /** What the look-back before a mention says: negated (and not contrasted since), another person's, uncertain, metastatic. */
    record Cues(boolean negation, boolean family, boolean uncertain, boolean metastasis) {
    }

    private static final WordsAfter NEGATION_AFTER = new WordsAfter(":-", "na",
            "\\s*[:\\-]?\\s*(?:not identified|not present|not seen|absent|none)\\b");
    /** "Nipple: uninvolved", "skin, negative for tumor", "Ovary, right: unremarkable", "Cervix. - No tumor seen". */
    private static final WordsAfter UNINVOLVED_AFTER = new WordsAfter(".:,-", "rlbiaunfw",
            "(?:\\s*\\.\\s*-)?[\\s:,\\-]*(?:(?:right|left|bilateral)\\b[\\s:,\\-]*)?(?:(?:is|are)\\s+)?(?:uninvolved|not involved|negative|free of|no tumou?r|no carcinoma|no malignancy|unremarkable|benign|within normal limits)\\b");
    /** "benign ovary", "uninvolved endometrium", "unremarkable cervix": an organ said to be free of tumour. */
    private static final CuePattern UNINVOLVED_BEFORE = CuePattern.startingWith("abinpsu",
            "\\b(?:benign|uninvolved|unremarkable|normal|non-?neoplastic|background|atrophic|inactive|proliferative|secretory)"
                    + "(?:\\s+(?:appearing|looking))?\\s+(?:[a-z-]+\\s+){0,2}$");
    /** "ureteral margin", "bronchial resection margin", "omental (radial) margin", "skin ellipse": the organ as a margin or a part of the specimen. */
    private static final WordsAfter PART_AFTER = new WordsAfter(",", "(rsmdpe",
            "[\\s,]*(?:\\([a-z\\s]{1,20}\\)\\s*)?(?:(?:resection|surgical|soft\\s+tissue|mucosal|distal|proximal)\\s+)?(?:margins?|ellipse|edge)\\b");
    static final double UNCERTAIN = 0.5;
    private static final CuePattern SITE_LABEL_BEFORE = CuePattern.startingWith("aclmnpst",
            "\\b(?:(?<field>(?:tumou?r|primary|anatomic(?:al)?|specimen)\\s+(?:tumou?r\\s+)?(?:site|location|localization)|site\\s+of\\s+(?:tumou?r|primary))\\s*:"
                    + "|(?:localisation|location)\\s*:"
                    + "|(?:tumou?r|carcinoma|mass|lesion|neoplasm)\\s+(?:(?:is|was)\\s+)?(?:located|situated|cent(?:er|re)d|locali[sz]ed|arose|arises|arising"
                    + "|originat(?:es|ed|ing))\\s+(?:at|in|on|within|from))"
                    + "\\s*(?:[a-z-]+\\s*,?\\s*){0,3}$");

    private Context() {
    }

    /**
     * The cues found in the document this thread reads, by start: a mention's look-back is asked for by its finder
     * (negation, metastasis) and again by the engine (assertion), so about half the asks are repeats.
     */
    private static final ThreadLocal<CueMemo> MEMO = ThreadLocal.withInitial(CueMemo::new);

    /** The cues in the sentence before {@code start}, from one scan of at most {@link #WINDOW} characters. */
    static Cues cues(String text, int start) {
        return MEMO.get().cues(text, start);
    }

    /**
     * The cues of one text by start, forgotten when another text is asked about. The text is held weakly, so that no
     * document outlives its reading here; the cues hold no text.
     */
    private static final class CueMemo {
        private WeakReference<String> text = new WeakReference<>(null);
        private final Map<Integer, Cues> byStart = new HashMap<>();

        Cues cues(String text, int start) {
            if (this.text.get() != text) {
                this.text = new WeakReference<>(text);
                byStart.clear();
            }
            Cues found = byStart.get(start);
            if (found == null) {
                found = scan(text, start);
                byStart.put(start, found);
            }
            return found;
        }
    }

    private static Cues scan(String text, int start) {
        boolean[] cue = new boolean[4]; // negation, family, uncertain, metastasis
        CUES_BEFORE.forEachMatch(text, windowStart(text, start), start, m -> {
            if (m.start("negation") >= 0) {
                cue[0] = true;
            } else if (m.start("contrast") >= 0) {
                cue[0] = false;
            } else if (m.start("family") >= 0) {
                cue[1] = true;
            } else if (m.start("uncertain") >= 0) {
                cue[2] = true;
            } else {
                cue[3] = true;
            }
        });
        return new Cues(cue[0], cue[1], cue[2], cue[3]);
    }

    static boolean negated(String text, int start, int end) {
        return negated(cues(text, start), text, end);
    }

    /** Negated before ({@code cues}) or right after: "carcinoma: not identified". */
    static boolean negated(Cues cues, String text, int end) {
        return cues.negation() || after(NEGATION_AFTER, text, end);
    }

    /** Whether the words right after a site say the organ is free of the tumour. */
    static boolean uninvolved(String text, int end) {
        return after(UNINVOLVED_AFTER, text, end);
    }

    /** How a site is introduced: not at all, by a label or sentence placing the tumour, or by a synoptic tumour site field. */
    enum SiteLabel { NONE, PLACED, FIELD }

    /**
     * Whether a synoptic tumour site field stands right before {@code start} ("Tumor site: ", "Primary tumor location: left"),
     * or else another label or a sentence placing the tumour there ("Location: ", "The tumor is located at the rectosigmoid
     * junction", "the mass arose in the mesentery").
     */
    static SiteLabel siteLabel(String text, int start) {
        SiteLabel[] label = {SiteLabel.NONE};
        SITE_LABEL_BEFORE.forEachMatch(text, windowStart(text, start), start,
                m -> label[0] = m.start("field") >= 0 || label[0] == SiteLabel.FIELD ? SiteLabel.FIELD : SiteLabel.PLACED);
        return label[0];
    }

    /**
     * How much a statement counts given what precedes it in its sentence: 0 for another person's disease,
     * {@link #UNCERTAIN} for a past or hypothetical one, 1 otherwise.
     */
    static double assertion(String text, int start) {
        Cues cues = cues(text, start);
        return cues.family() ? 0 : cues.uncertain() ? UNCERTAIN : 1;
    }

    /** Whether the words around a site name an organ free of tumour or a margin, not the tumour's site. */
    static boolean notTheTumour(String text, int start, int end) {
        return UNINVOLVED_BEFORE.findsIn(text, windowStart(text, start), start) || after(PART_AFTER, text, end)
                || uninvolved(text, end);
    }

    static boolean metastatic(String text, int start) {
        return cues(text, start).metastasis();
    }

    /** Where the look-back before {@code start} begins: the start of its sentence, at most {@link #WINDOW} characters before. */
    private static int windowStart(String text, int start) {
        int from = Math.max(0, start - WINDOW);
        for (int i = start - 1; i >= from; i--) {
            char c = text.charAt(i);
            if (c == '.' || c == ';' || c == '\n') {
                return i + 1;
            }
        }
        return from;
    }

    /** Whether {@code words} match the {@link #AFTER_WINDOW} characters from {@code end} (as if they were the whole text). */
    private static boolean after(WordsAfter words, String text, int end) {
        return words.matches(text, end, Math.min(text.length(), end + AFTER_WINDOW));
    }
}
