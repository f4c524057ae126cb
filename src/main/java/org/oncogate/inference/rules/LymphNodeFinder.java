package org.oncogate.inference.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.oncogate.job.ClinicalType;
import org.oncogate.job.InferenceType;

/**
 * Reads the pathologic N category from lymph node findings of a pathology report when no TNM is
 * written: counts ("lymph nodes (0/12)", "2 of 15 lymph nodes") and negative statements ("twelve lymph
 * nodes, negative for metastatic carcinoma", "no carcinoma identified in 15 lymph nodes"). Any positive
 * node outranks negative ones ({@code rank} 1 against 0), and any written TNM outranks both
 * ({@link TnmFinder#RANK}), so this only fills the gap a report leaves.
 */
final class LymphNodeFinder {

    /** "lymph nodes", "lymphnode", "lymph. nodes" (a line break the text shows as a period). */
    private static final String NODE = "lymph\\.?\\s?nodes?";
    /** Every pattern's match holds the word "node" and reaches at most this far on either side of it. */
    private static final int REACH = 220;
    private static final String NUMBER = "(?:\\d{1,3}|no|none|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)";
    /** The first characters of {@link #NUMBER}'s words. */
    private static final String NUMBER_FIRST = "\\dnzotfse";
    private static final String FINDING = "(?:metasta\\w*|carcinoma|adenocarcinoma|tumou?r|malignan\\w*|neoplasm)";

    /** "lymph nodes (0/12)", "Sentinel lymph nodes: 1/2": involved / examined. */
    private static final CuePattern FRACTION = CuePattern.startingWith("l",
            "\\b" + NODE + "\\b[^.;/\\n]{0,60}?(?<![\\d/])(?<involved>\\d{1,2})\\s?/\\s?(?<examined>\\d{1,3})(?![\\d/])");
    /** "carcinoma in 3/10 level III lymph nodes": the fraction before the nodes. */
    private static final CuePattern IN_FRACTION = CuePattern.startingWith("i",
            "\\bin\\s+(?<involved>\\d{1,2})\\s?/\\s?(?<examined>\\d{1,3})(?![\\d/])\\s+(?:of\\s+)?(?:[a-z0-9-]+\\s+){0,3}?" + NODE + "\\b");
    /**
     * "2 of 15 lymph nodes", "metastatic carcinoma in 0 of 12 regional lymph nodes"; not "two of six lymph nodes are
     * submitted for frozen section", a count of the nodes sampled.
     */
    private static final CuePattern OF = CuePattern.startingWith(NUMBER_FIRST,
            "\\b(?<involved>" + NUMBER + ")\\s+(?:out\\s+)?of\\s+(?<examined>" + NUMBER + ")\\s+(?:[a-z-]+\\s+){0,3}?" + NODE + "\\b"
                    + "(?!\\s*(?:\\(s\\)\\s*)?(?:are|were|is|was)\\s+(?:submitted|sent|received|entirely))");
    private static final String COUNT_OF = "\\bnumber\\s+(?:of\\s+(?:regional\\s+)?(?:lymph\\s+)?nodes\\s+)?";
    private static final String EXAMINED = COUNT_OF + "examined\\s*:\\s*(?<examined>" + NUMBER + ")\\b";
    private static final String INVOLVED = COUNT_OF + "(?:involved|positive|with\\s+metastas[ie]s)\\s*:\\s*(?<involved>" + NUMBER + ")\\b";
    /** Synoptic counts near the word node: "Number examined: 12. Number involved: 0", in either order. */
    private static final CuePattern EXAMINED_INVOLVED = CuePattern.startingWith("n", EXAMINED + "[^\\n]{0,40}?" + INVOLVED);
    private static final CuePattern INVOLVED_EXAMINED = CuePattern.startingWith("n", INVOLVED + "[^\\n]{0,40}?" + EXAMINED);
    /** Every pattern whose match gives the involved and examined nodes. */
    private static final List<CuePattern> COUNTS = List.of(FRACTION, OF, IN_FRACTION, EXAMINED_INVOLVED, INVOLVED_EXAMINED);
    /** "lymph nodes, negative for metastatic carcinoma", "lymph node: no tumor". */
    private static final CuePattern NODES_NEGATIVE = CuePattern.startingWith("l",
            "\\b" + NODE + "\\b[^.\\n]{0,40}?\\b(?:negative for|free of|no|without)\\s+(?:[a-z-]+\\s+){0,3}?" + FINDING);
    /** "ten benign lymph nodes", "Lymph nodes: not involved", "lymph nodes, uninvolved". */
    private static final CuePattern BENIGN_NODES = CuePattern.startingWith(NUMBER_FIRST + "l",
            "\\b(?:" + NUMBER + "\\s+(?:\\(\\d{1,3}\\)\\s+)?(?:[a-z-]+\\s+){0,2}?(?:benign|negative|uninvolved)\\s+(?:[a-z-]+\\s+){0,2}?" + NODE
                    + "|" + NODE + "\\s*[:,-]\\s*(?:all\\s+)?(?:not\\s+involved|uninvolved|negative|benign)\\b(?!\\s+for\\b))");
    /** "no carcinoma identified in 15 lymph nodes", "negative for malignancy in all lymph nodes". */
    private static final CuePattern NEGATIVE_IN_NODES = CuePattern.startingWith("n",
            "\\b(?:no|negative for)\\s+(?:[a-z-]+\\s+){0,3}?" + FINDING + "\\s+(?:[a-z-]+\\s+){0,3}?in\\s+(?:[a-z0-9()-]+\\.?\\s+){0,4}?" + NODE + "\\b");

    private static final Map<String, Integer> WORDS = Map.ofEntries(
            Map.entry("no", 0), Map.entry("none", 0), Map.entry("zero", 0), Map.entry("one", 1), Map.entry("two", 2),
            Map.entry("three", 3), Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7),
            Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10), Map.entry("eleven", 11), Map.entry("twelve", 12));

    List<Mention> find(String text, ClinicalType clinicalType) {
        List<Mention> mentions = new ArrayList<>();
        if (clinicalType != ClinicalType.PATHOLOGY_REPORT) {
            return mentions;
        }
        Regions regions = Regions.around(text, "nN", i -> Regions.wordAt(text, i, "node"), REACH, REACH);
        for (CuePattern count : COUNTS) {
            regions.forEachMatch(text, count, m -> count(m, mentions));
        }
        for (CuePattern negative : List.of(NODES_NEGATIVE, NEGATIVE_IN_NODES, BENIGN_NODES)) {
            regions.forEachMatch(text, negative, m -> mentions.add(mention(false, m.start(), m.end())));
        }
        return mentions;
    }

    private static void count(Matcher m, List<Mention> out) {
        int involved = number(m.group("involved"));
        int examined = number(m.group("examined"));
        if (examined > 0 && involved <= examined) {
            out.add(mention(involved > 0, m.start(), m.end()));
        }
    }

    private static int number(String written) {
        String lower = written.toLowerCase(Locale.ROOT);
        return WORDS.containsKey(lower) ? WORDS.get(lower) : Integer.parseInt(lower);
    }

    private static Mention mention(boolean positive, int start, int end) {
        return new Mention(InferenceType.PATHOLOGIC_STAGE_N, positive ? "N+" : "N0", null, Confidence.LYMPH_NODE_FINDING,
                start, end, positive ? 1 : 0, positive ? 1 : 0, positive);
    }
}
