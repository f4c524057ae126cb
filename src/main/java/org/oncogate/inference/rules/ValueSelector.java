package org.oncogate.inference.rules;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.oncogate.job.Inference;
import org.oncogate.job.InferenceEvidence;
import org.oncogate.job.InferenceType;

/**
 * Chooses one value per inference type from all mentions of a patient. The selection policy:
 * <ol>
 *   <li>Mentions are grouped by value (sites by their 3-character category, e.g. C34).</li>
 *   <li>A group's rank is its mentions' highest; its score is the best confidence among the mentions of
 *       that rank plus a bonus per repeated mention of that rank ({@link Confidence#aggregate}).</li>
 *   <li>The winning group has the highest rank (malignant before in situ before benign histology,
 *       specific before generic), then the highest score, then the most advanced category (the AJCC
 *       rule for multiple tumours: classify by the highest T), then the latest document, then the earliest
 *       mention in reading order.</li>
 *   <li>A value contradicted by another of the same rank and a similar score is reported with lower confidence.</li>
 *   <li>Within a site category a specific subsite stated next to the tumour wins (C34.1 over C34.9),
 *       see {@link #subsite}.</li>
 * </ol>
 * The inference's evidence is all the group's mentions, most confident first, each with an importance
 * relative to the best one (the engine keeps the first {@code JobConfiguration#maxEvidence()}).
 */
final class ValueSelector {

    /**
     * Mentions of one value or site category, their highest rank and their score. Only the mentions of that rank
     * count towards the score: lymph node findings add nothing to a written N of the same value.
     */
    private record Group(List<Located> mentions, int rank, double score) {

        static Group of(List<Located> mentions) {
            int rank = mentions.stream().mapToInt(l -> l.mention().rank()).max().orElse(0);
            List<Located> ranked = mentions.stream().filter(l -> l.mention().rank() == rank).toList();
            double best = ranked.stream().mapToDouble(l -> l.mention().confidence()).max().orElse(0);
            return new Group(mentions, rank, Confidence.aggregate(best, ranked.size()));
        }

        Group plus(double bonus) {
            return new Group(mentions, rank, score + bonus);
        }

        Mention top() {
            return mentions.get(0).mention();
        }

        int latestDocument() {
            return mentions.stream().mapToInt(Located::document).max().orElse(0);
        }

        int firstOrder() {
            return mentions.get(0).order();
        }
    }

    private static final Comparator<Group> BEST_GROUP = Comparator
            .comparingInt(Group::rank)
            .thenComparingDouble(Group::score)
            .thenComparingInt(g -> g.top().tieBreak())
            .thenComparingInt(Group::latestDocument)
            .thenComparing(Comparator.comparingInt(Group::firstOrder).reversed());

    private static final Comparator<Group> BEST_SUBSITE = Comparator
            .comparingInt(Group::rank)
            .thenComparingDouble(Group::score)
            .thenComparing(Comparator.comparingInt(Group::firstOrder).reversed());

    Inference select(InferenceType type, List<Located> all) {
        List<Located> mentions = all.stream().filter(l -> l.mention().type() == type).toList();
        if (mentions.isEmpty()) {
            return Inference.none(type);
        }
        List<Group> groups = groups(mentions, Mention::group);
        Group best = groups.stream().max(BEST_GROUP).orElseThrow();
        return inference(type, best.top(), best, groups);
    }

    /**
     * The tumour site, knowing the chosen histology: a site category the histology usually arises in
     * ({@link SiteFits}) gains {@link Confidence#SITE_FITS_HISTOLOGY}, less for a less usual one; with no site named at all, the
     * histology's default site is inferred, on the histology's evidence, at {@link Confidence#SITE_FROM_HISTOLOGY}
     * of its confidence.
     */
    Inference selectSite(List<Located> all, Inference histology, SiteFits fits, Function<String, String> description) {
        List<Located> mentions = all.stream().filter(l -> l.mention().type() == InferenceType.TUMOR_SITE).toList();
        if (mentions.isEmpty() || mentions.stream().allMatch(l -> l.mention().rank() == 0) && fits.defaultSite(histology.value()).isPresent()) {
            return fits.defaultSite(histology.value())
                    .map(site -> new Inference(InferenceType.TUMOR_SITE, site, description.apply(site),
                            histology.confidenceScore() * Confidence.SITE_FROM_HISTOLOGY, histology.evidence(), null))
                    .orElse(Inference.none(InferenceType.TUMOR_SITE));
        }
        List<Group> groups = groups(mentions, Mention::group).stream()
                .map(g -> g.plus(Confidence.SITE_FITS_HISTOLOGY * fits.fit(histology.value(), g.top().group())))
                .toList();
        Group best = groups.stream().max(BEST_GROUP).orElseThrow();
        return inference(InferenceType.TUMOR_SITE, subsite(best), best, groups);
    }

    /**
     * The inference of the chosen group, its confidence lowered by {@link Confidence#CONFLICT} when another value
     * of the same rank scores at least {@link Confidence#CONFLICT_SHARE} of it (the documents disagree).
     */
    private static Inference inference(InferenceType type, Mention chosen, Group group, List<Group> groups) {
        boolean conflict = groups.stream().anyMatch(g -> g != group && g.rank() == group.rank()
                && g.score() >= Confidence.CONFLICT_SHARE * group.score());
        double confidence = Confidence.reported(group.score()) * (conflict ? Confidence.CONFLICT : 1);
        return new Inference(type, chosen.value(), chosen.description(), confidence, evidence(group), null);
    }

    /**
     * The code within a site category: the best specific subsite that is stated next to the tumour (a mention near a
     * histology, or an explicit code), one in a synoptic tumour site field before any other; otherwise the NOS code (.9)
     * when named; otherwise the best subsite. A subsite named only in passing ("nipple", "bronchial margin") does not refine.
     */
    private static Mention subsite(Group category) {
        List<Group> codes = groups(category.mentions(), Mention::value);
        return codes.stream()
                .filter(g -> !g.top().value().endsWith(".9") && supported(g))
                .max(BEST_SUBSITE)
                .or(() -> codes.stream().filter(g -> g.top().value().endsWith(".9")).findFirst())
                .orElseGet(() -> codes.stream().max(BEST_SUBSITE).orElseThrow())
                .top();
    }

    private static boolean supported(Group code) {
        return code.mentions().stream().anyMatch(l -> l.mention().confidence() >= Confidence.SITE_SUPPORTED);
    }

    /** Groups in reading order; each group's mentions in reading order. */
    private static List<Group> groups(List<Located> mentions, Function<Mention, String> key) {
        Map<String, List<Located>> byKey = mentions.stream().collect(Collectors.groupingBy(
                l -> key.apply(l.mention()), LinkedHashMap::new, Collectors.toList()));
        return byKey.values().stream().map(Group::of).toList();
    }

    private static List<InferenceEvidence> evidence(Group group) {
        double best = group.mentions().stream().mapToDouble(l -> l.mention().confidence()).max().orElse(1);
        return group.mentions().stream()
                .sorted(Comparator.comparingDouble((Located l) -> l.mention().confidence()).reversed()
                        .thenComparingInt(Located::order))
                .map(l -> new InferenceEvidence(l.evidence(), best == 0 ? 0 : l.mention().confidence() / best))
                .toList();
    }
}
