package org.oncogate.inference.rules;

/**
 * The scoring, in one place. A mention's confidence depends only on how it was stated:
 * <ul>
 *   <li>an explicit ICD-O-3 code ({@code C34.1}, {@code 8140/3}): {@link #EXPLICIT_CODE};</li>
 *   <li>TNM with its own prefix ({@code pT2}): {@link #TNM_OWN_PREFIX}; with a prefix carried from an
 *       earlier component of the same expression ({@code N0} in {@code pT2 N0}): {@link #TNM_CARRIED_PREFIX};
 *       without any prefix, read from the document's clinical type: {@link #TNM_DOCUMENT_TYPE};
 *       OCR letters for digits ({@code pNO}, {@code pTl}) cost {@link #OCR_PENALTY}, as do misread words of a lexicon term;</li>
 *   <li>a lymph node count or negative lymph node statement, for the pathologic N of a pathology
 *       report without written TNM: {@link #LYMPH_NODE_FINDING};</li>
 *   <li>a lexicon term: {@link #TERM} plus {@link #TERM_PER_EXTRA_WORD} per word after the first
 *       (longer terms are more specific), at most {@link #TERM_MAX}; a site term near a histology term
 *       gains {@link #SITE_NEAR_HISTOLOGY}, and {@link #SITE_OF_HISTOLOGY} more when named in the same phrase
 *       ("endometrial carcinoma", "carcinoma of the lung"); a site named as a metastasis target drops to {@link #SITE_METASTASIS}.</li>
 * </ul>
 * An inference's confidence is its best mention's plus {@link #REPEAT_BONUS} for each further mention
 * of the same value, at most {@link #MAX_REPEATS} of them, capped at 1 when reported.
 */
final class Confidence {

    static final double EXPLICIT_CODE = 0.95;
    static final double TNM_OWN_PREFIX = 0.9;
    static final double TNM_CARRIED_PREFIX = 0.85;
    static final double TNM_DOCUMENT_TYPE = 0.75;
    static final double OCR_PENALTY = 0.1;
    static final double TERM = 0.6;
    static final double TERM_PER_EXTRA_WORD = 0.05;
    static final double TERM_MAX = 0.8;
    static final double SITE_NEAR_HISTOLOGY = 0.2;
    static final double SITE_METASTASIS = 0.3;
    static final double SITE_OF_HISTOLOGY = 0.1;
    /** A site term, however well placed, stays below an explicit code. */
    static final double SITE_TERM_MAX = 0.9;
    /** A site after a synoptic label ("Tumor site: ", "Primary site: "). */
    static final double SITE_LABELLED = 0.2;
    /** A site group that the chosen histology usually arises in gains this much when sites compete. */
    static final double SITE_FITS_HISTOLOGY = 0.3;
    /** A site read only from the histology ("glioblastoma": brain) keeps this share of the histology's confidence. */
    static final double SITE_FROM_HISTOLOGY = 0.6;
    /** A histology read from the site's usual one ("breast: carcinoma": duct carcinoma) keeps this share of the confidence. */
    static final double HISTOLOGY_FROM_SITE = 0.8;
    /** A site mention at least this confident was stated next to the tumour (or as a code). */
    static final double SITE_SUPPORTED = TERM + SITE_NEAR_HISTOLOGY;
    static final double LYMPH_NODE_FINDING = 0.6;
    /** A pathologic T read from the tumour's size, with no T written: a registrar's derivation, not a statement. */
    static final double T_FROM_SIZE = 0.4;
    /** A pathologic T read from the tumour's stated extent ("invades the muscularis propria"), with no T written. */
    static final double T_FROM_EXTENT = 0.45;
    static final double REPEAT_BONUS = 0.05;
    /** A document other than a pathology report counts this much: pathology outranks imaging and notes. */
    static final double NOT_PATHOLOGY = 0.85;
    /** A value with a competitor scoring at least {@link #CONFLICT_SHARE} of its score keeps this share of its confidence. */
    static final double CONFLICT = 0.8;
    static final double CONFLICT_SHARE = 0.8;
    static final int MAX_REPEATS = 4;

    private Confidence() {
    }

    static double term(int words) {
        return Math.min(TERM_MAX, TERM + TERM_PER_EXTRA_WORD * (words - 1));
    }

    /** A lexicon term found in a text: by its number of words, less {@link #OCR_PENALTY} when a word of it was misread. */
    static double term(PhraseMatcher.Match match) {
        return term(match.words()) - (match.misread() ? OCR_PENALTY : 0);
    }

    /** A group's score, uncapped so that groups stay comparable; {@link #reported} caps it. */
    static double aggregate(double best, int mentions) {
        return best + REPEAT_BONUS * Math.min(mentions - 1, MAX_REPEATS);
    }

    static double reported(double score) {
        return Math.min(1.0, score);
    }
}
