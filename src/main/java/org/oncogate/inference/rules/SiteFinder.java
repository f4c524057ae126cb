package org.oncogate.inference.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.oncogate.job.InferenceType;

/**
 * Finds tumor sites: explicit ICD-O-3 topography codes known to the lexicon ({@code C34.1},
 * {@code C 34.1}) and topography lexicon terms. A term near a malignant histology mention (within
 * {@link #NEAR} characters) is likelier the primary; one named as a metastasis target is unlikely.
 * Negated statements and organs said to be free of tumour ("nipple: uninvolved") are dropped. Categories listed in {@code lexicon/generic-topography.txt} (uterus NOS)
 * rank below all others, so they are chosen only when nothing more specific is named. A site given in a synoptic tumour
 * site field ("Tumor site: Rectosigmoid") ranks above all others: it is the pathologist's answer to where the tumour is,
 * where the other organs are named by the specimen, the gross description and the margins, often many times more.
 */
final class SiteFinder {

    static final int NEAR = 80;

    private static final Pattern CODE = Pattern.compile(
            "(?<![A-Za-z0-9.])C\\s?(?<category>\\d{2})\\.(?<subsite>\\d)(?![0-9])");
    /** A {@link #CODE} match starts at a "C" and is at most this long, so only the windows after one are searched. */
    private static final int CODE_LENGTH = 6;

    private static final int ATTACHED_GAP = 40;
    /** Between a site adjective or name and the histology: "renal cell carcinoma", "lung adenocarcinoma", "breast, invasive". */
    private static final Pattern BEFORE_HISTOLOGY = Pattern.compile(
            "(?i)[\\s,:.-]{0,5}(?:(?:primary|invasive|infiltrating|poorly|moderately|well|differentiated|high|low|grade|-)[\\s,-]*){0,4}");
    /**
     * Between the histology and its site: "of the", "arising in the left", "involving", the end of a histology named
     * in parentheses ("carcinosarcoma (malignant mixed mullerian tumor) of endometrium").
     */
    private static final Pattern AFTER_HISTOLOGY = Pattern.compile(
            "(?i)\\)?[\\s,]*(?:\\([^()]{0,20}\\)\\s*)?(?:primary\\s+)?(?:of|in|from|involving|within|arising\\s+(?:in|from)|originating\\s+in)"
                    + "\\s+(?:the\\s+)?(?:(?:left|right|bilateral|lt|rt)\\s+)?");

    /** "pancreatic head mass", "kidney tumor": the site names where a tumour is. */
    private static final WordsAfter TUMOUR_AFTER = new WordsAfter("", "mtln", "\\s+(?:mass|tumou?r|lesion|neoplasm)\\b");
    /** How far after a site {@link #TUMOUR_AFTER} is looked for. */
    private static final int TUMOUR_AFTER_REACH = 12;

    private final Lexicon lexicon;
    private final PhraseMatcher matcher;
    private final GenericSites genericSites;

    SiteFinder(Lexicon lexicon, GenericSites genericSites) {
        this.lexicon = lexicon;
        this.matcher = new PhraseMatcher(lexicon);
        this.genericSites = genericSites;
    }

    List<Mention> find(String text, List<Token> tokens, List<Mention> histology) {
        List<Mention> mentions = new ArrayList<>();
        Regions.around(text, "C", i -> codeStart(text, i), 0, CODE_LENGTH).forEachMatch(text, CODE, code -> {
            String topography = "C" + code.group("category") + "." + code.group("subsite");
            int start = code.start();
            int end = code.end();
            lexicon.find(topography).ifPresent(entry -> mentions.add(mention(entry, Confidence.EXPLICIT_CODE, start, end, false)));
        });
        List<Mention> primary = histology.stream()
                .filter(h -> h.indicatesCancer() && !Context.metastatic(text, h.start())).toList();
        for (PhraseMatcher.Match match : matcher.find(tokens)) {
            Context.Cues cues = Context.cues(text, match.start());
            if (Context.negated(cues, text, match.end()) || Context.notTheTumour(text, match.start(), match.end())) {
                continue;
            }
            Context.SiteLabel label = cues.metastasis() ? Context.SiteLabel.NONE : Context.siteLabel(text, match.start());
            double confidence = cues.metastasis()
                    ? Confidence.SITE_METASTASIS
                             : Confidence.term(match) + (near(match, primary) ? Confidence.SITE_NEAR_HISTOLOGY : 0)
                            + (attached(text, match, primary) ? Confidence.SITE_OF_HISTOLOGY : 0)
                            + (label != Context.SiteLabel.NONE || TUMOUR_AFTER.matches(text, match.end(), Math.min(text.length(), match.end() + TUMOUR_AFTER_REACH)) ? Confidence.SITE_LABELLED : 0);
            mentions.add(mention(match.entry(), Math.min(Confidence.SITE_TERM_MAX, confidence), match.start(), match.end(), label == Context.SiteLabel.FIELD));
        }
        return mentions;
    }

    /**
     * Whether a {@link #CODE} may start at the "C" at {@code i}: a digit follows, perhaps after one space ("C34.1",
     * "C 50.9"); most capital Cs of a report written in capitals start a word.
     */
    private static boolean codeStart(String text, int i) {
        int digit = i + 1 < text.length() && Regions.regexSpace(text.charAt(i + 1)) ? i + 2 : i + 1;
        return digit < text.length() && text.charAt(digit) >= '0' && text.charAt(digit) <= '9';
    }

    /**
     * Whether the site names the tumour's organ in the same phrase: "endometrial carcinoma" (inside or right
     * before the histology term), "carcinoma of the right upper lobe", "adenocarcinoma arising in the sigmoid colon".
     */
    private static boolean attached(String text, PhraseMatcher.Match site, List<Mention> primaryHistology) {
        for (Mention h : primaryHistology) {
            if (site.start() < h.end() && h.start() < site.end()) {
                return true;
            }
            if (site.end() <= h.start() && h.start() - site.end() <= ATTACHED_GAP
                    && BEFORE_HISTOLOGY.matcher(text.substring(site.end(), h.start())).matches()) {
                return true;
            }
            if (h.end() <= site.start() && site.start() - h.end() <= ATTACHED_GAP
                    && AFTER_HISTOLOGY.matcher(text.substring(h.end(), site.start())).matches()) {
                return true;
            }
        }
        return false;
    }

    private static boolean near(PhraseMatcher.Match site, List<Mention> primaryHistology) {
        return primaryHistology.stream().anyMatch(h -> h.start() < site.end() + NEAR && site.start() < h.end() + NEAR);
    }

    /** Ranked 0 for a generic category, 2 for a site in a synoptic tumour site field, 1 otherwise. */
    private Mention mention(LexiconEntry entry, double confidence, int start, int end, boolean inSiteField) {
        int rank = genericSites.generic(entry.code()) ? 0 : inSiteField ? 2 : 1;
        return new Mention(InferenceType.TUMOR_SITE, entry.code(), entry.description(), confidence, start, end, rank, 0, false);
    }
}
