package org.oncogate.inference.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.oncogate.job.InferenceType;

/**
 * Finds tumor sites: explicit ICD-O-3 topography codes known to the lexicon ({@code C34.1},
 * {@code C 34.1}) and topography lexicon terms. A term near a malignant histology mention (within
 * {@link #NEAR} characters) is likelier the primary; one named as a metastasis target is unlikely.
 * Negated statements and organs said to be free of tumour ("nipple: uninvolved") are dropped. Categories listed in {@code lexicon/generic-topography.txt} (uterus NOS)
 * rank below all others, so they are chosen only when nothing more specific is named.
 */
final class SiteFinder {

    static final int NEAR = 80;

    private static final Pattern CODE = Pattern.compile(
            "(?<![A-Za-z0-9.])C\\s?(?<category>\\d{2})\\.(?<subsite>\\d)(?![0-9])");

    private final Lexicon lexicon;
    private final PhraseMatcher matcher;
    private final Set<String> genericCategories;

    SiteFinder(Lexicon lexicon, Set<String> genericCategories) {
        this.lexicon = lexicon;
        this.matcher = new PhraseMatcher(lexicon);
        this.genericCategories = Set.copyOf(genericCategories);
    }

    List<Mention> find(String text, List<Token> tokens, List<Mention> histology) {
        List<Mention> mentions = new ArrayList<>();
        Matcher code = CODE.matcher(text);
        while (code.find()) {
            String topography = "C" + code.group("category") + "." + code.group("subsite");
            int start = code.start();
            int end = code.end();
            lexicon.find(topography).ifPresent(entry -> mentions.add(mention(entry, Confidence.EXPLICIT_CODE, start, end)));
        }
        List<Mention> primary = histology.stream()
                .filter(h -> h.indicatesCancer() && !Context.metastatic(text, h.start())).toList();
        for (PhraseMatcher.Match match : matcher.find(tokens)) {
            if (Context.negated(text, match.start(), match.end()) || Context.uninvolved(text, match.end())) {
                continue;
            }
            double confidence = Context.metastatic(text, match.start())
                    ? Confidence.SITE_METASTASIS
                    : Confidence.term(match.words()) + (near(match, primary) ? Confidence.SITE_NEAR_HISTOLOGY : 0);
            mentions.add(mention(match.entry(), Math.min(1.0, confidence), match.start(), match.end()));
        }
        return mentions;
    }

    private static boolean near(PhraseMatcher.Match site, List<Mention> primaryHistology) {
        return primaryHistology.stream().anyMatch(h -> h.start() < site.end() + NEAR && site.start() < h.end() + NEAR);
    }

    private Mention mention(LexiconEntry entry, double confidence, int start, int end) {
        int rank = genericCategories.contains(entry.code().substring(0, 3)) ? 0 : 1;
        return new Mention(InferenceType.TUMOR_SITE, entry.code(), entry.description(), confidence, start, end, rank, 0, false);
    }
}
