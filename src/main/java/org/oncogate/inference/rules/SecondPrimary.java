package org.oncogate.inference.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.oncogate.job.Inference;
import org.oncogate.job.InferenceType;

/**
 * A second primary tumour of one patient, for {@code caseId}. Read only from documents that say there
 * is more than one ("second primary", "synchronous primaries", "two separate primary tumors"): there,
 * each site stated next to a malignant histology in one sentence is a candidate. If a candidate's
 * site is of another category than the chosen site, the second case's site and histology are chosen
 * from such candidates the way the first case's are.
 */
final class SecondPrimary {

    /** The words before "primary" that make it more than one: "second", "synchronous", "two separate", "multiple". */
    private static final Pattern STATED_BEFORE = Pattern.compile("(?i)\\b(?:second|synchronous|metachronous|separate|two"
            + "|multiple|double|both)\\s+(?:(?:separate|independent|distinct|synchronous)\\s+)?$");
    /** "primary" or "primaries" as a word, not "primary site", "primary care", "primary physician". */
    private static final Pattern STATED_AFTER = Pattern.compile("(?i)^(?:y|ies)\\b(?!\\s+(?:site|care|physician|tumou?r\\s+site))");
    private static final int BEFORE_REACH = 40;
    /** What ends a sentence: a full stop before a space or line end (not a decimal point), a semicolon, a line end. */
    private static final Pattern SENTENCE_END = Pattern.compile("\\.(?=\\s)|;|\\n");

    private record Candidate(Located site, Located histology) {
    }

    private final List<Candidate> candidates = new ArrayList<>();

    /** Notes the candidates of one document, given its normalized text and the mentions located in it. */
    void read(String text, List<Located> located) {
        if (!stated(text)) {
            return;
        }
        for (Located site : located) {
            if (site.mention().type() != InferenceType.TUMOR_SITE || site.mention().confidence() < Confidence.SITE_SUPPORTED) {
                continue;
            }
            for (Located histology : located) {
                if (histology.mention().type() == InferenceType.HISTOLOGY && histology.mention().indicatesCancer()
                        && oneSentence(text, site.mention(), histology.mention())) {
                    candidates.add(new Candidate(site, histology));
                }
            }
        }
    }

    /**
     * Whether the text says there is more than one primary tumour: each "primar" (found by indexOf) is
     * checked against the words right before and after it, so the patterns never scan the whole text.
     */
    static boolean stated(String text) {
        return stated(text, "primar") || stated(text, "Primar") || stated(text, "PRIMAR");
    }

    private static boolean stated(String text, String stem) {
        for (int at = text.indexOf(stem); at >= 0; at = text.indexOf(stem, at + stem.length())) {
            int end = at + stem.length();
            if (STATED_BEFORE.matcher(text).region(Math.max(0, at - BEFORE_REACH), at).useTransparentBounds(true).find()
                    && STATED_AFTER.matcher(text).region(end, text.length()).lookingAt()) {
                return true;
            }
        }
        return false;
    }

    /** The second case's site and histology, when a candidate's site is not of the chosen site's category. */
    Optional<List<Inference>> secondCase(Inference site, ValueSelector selector, SiteFits fits,
                                         Function<String, String> describe) {
        if (site.isNone()) {
            return Optional.empty();
        }
        String chosen = site.value().substring(0, 3);
        List<Candidate> others = candidates.stream().filter(c -> !c.site().mention().group().equals(chosen)).toList();
        if (others.isEmpty()) {
            return Optional.empty();
        }
        Inference histology = selector.select(InferenceType.HISTOLOGY,
                others.stream().map(Candidate::histology).distinct().toList());
        Inference secondSite = selector.selectSite(others.stream().map(Candidate::site).distinct().toList(), histology,
                fits, describe);
        return Optional.of(List.of(secondSite, histology));
    }

    private static boolean oneSentence(String text, Mention a, Mention b) {
        int from = Math.min(a.start(), b.start());
        int to = Math.max(a.end(), b.end());
        return !SENTENCE_END.matcher(text).region(from, to).find();
    }
}
