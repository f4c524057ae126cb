package org.oncogate.inference.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.oncogate.job.InferenceType;

/**
 * Finds the side of a tumour of a paired organ ({@code lexicon/paired-sites.txt}): a synoptic field
 * ("Laterality: Left", "Tumor laterality - right") and a side named with a site of a paired organ,
 * just before it or inside its words ("left upper lobe", "right breast", "bilateral ovaries"). A
 * side before any other site ("right colon") is a part of that organ and is not read.
 */
final class LateralityFinder {

    private static final Pattern FIELD = Pattern.compile("(?i)\\b(?:tumou?r\\s+)?laterality\\s*[:\\-]\\s*(?<side>left|right|bilateral)\\b");
    private static final Pattern SIDE = Pattern.compile("(?i)\\b(?<side>left|right|bilateral)\\b");
    private static final Pattern SENTENCE_END = Pattern.compile("[.;:\\n]");
    /** How far before a site the side may stand ("left lower outer quadrant of the breast" is read from the site's words). */
    private static final int BEFORE_SITE = 20;

    private final List<String> pairedSites;

    LateralityFinder(List<String> pairedSites) {
        this.pairedSites = List.copyOf(pairedSites);
    }

    /** The sides in the text, given the site mentions found in it. */
    List<Mention> find(String text, List<Mention> sites) {
        List<Mention> mentions = new ArrayList<>();
        Matcher field = FIELD.matcher(text);
        while (field.find()) {
            add(mentions, field.group("side"), Confidence.TNM_OWN_PREFIX, field.start("side"), field.end("side"));
        }
        for (Mention site : sites) {
            if (site.type() == InferenceType.TUMOR_SITE && paired(site.value())) {
                Matcher side = SIDE.matcher(text).region(Math.max(0, site.start() - BEFORE_SITE), site.end())
                        .useTransparentBounds(true);
                while (side.find()) {
                    if (side.end() >= site.start() || !SENTENCE_END.matcher(text).region(side.end(), site.start()).find()) {
                        add(mentions, side.group("side"), site.confidence(), side.start("side"), side.end("side"));
                    }
                }
            }
        }
        return mentions;
    }

    private boolean paired(String site) {
        return pairedSites.stream().anyMatch(site::startsWith);
    }

    private static void add(List<Mention> mentions, String side, double confidence, int start, int end) {
        String value = side.substring(0, 1).toUpperCase(Locale.ROOT) + side.substring(1).toLowerCase(Locale.ROOT);
        mentions.add(new Mention(InferenceType.TUMOR_LATERALITY, value, null, confidence, start, end, 0, 0, false));
    }
}
