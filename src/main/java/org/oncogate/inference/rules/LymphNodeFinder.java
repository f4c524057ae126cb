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
 * nodes, negative for metastatic carcinoma", "no carcinoma identified in 15 lymph nodes", "benign lymph nodes",
 * "tumor-free lymph nodes") and nodes said to hold a metastasis without a count ("lymph node showing metastatic
 * carcinoma"). Nodes involved by isolated tumour cells alone are N0, as AJCC has it (pN0(i+)), whether said right
 * after the count or in a "Type of metastasis" field after a block of counts. Any positive node outranks negative
 * ones ({@code rank} 1 against 0), and any written TNM outranks both
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
    /** "metastatic", "metastases", and their OCR forms with a letter more or less ("mstastatic", "metastatie"). */
    private static final String METASTATIC = "m\\w{0,4}sta[st]\\w*";
    /** What every {@link #METASTATIC} word holds. */
    private static final String METASTATIC_HOLDS = "sta";
    private static final String FINDING = "(?:" + METASTATIC + "|carcinoma|adenocarcinoma|tumou?r|malignan\\w*|neoplasm)";

    /** "lymph nodes (0/12)", "Sentinel lymph nodes: 1/2": involved / examined. */
    private static final CuePattern FRACTION = CuePattern.startingWith("l",
            "\\b" + NODE + "\\b[^.;/\\n]{0,60}?(?<![\\d/])(?<involved>\\d{1,2})\\s?/\\s?(?<examined>\\d{1,3})(?![\\d/])").holding("/");
    /** "carcinoma in 3/10 level III lymph nodes": the fraction before the nodes. */
    private static final CuePattern IN_FRACTION = CuePattern.startingWith("i",
            "\\bin\\s+(?<involved>\\d{1,2})\\s?/\\s?(?<examined>\\d{1,3})(?![\\d/])\\s+(?:of\\s+)?(?:[a-z0-9-]+\\s+){0,3}?" + NODE + "\\b")
            .holding("/");
    /**
     * "2 of 15 lymph nodes", "metastatic carcinoma in 0 of 12 regional lymph nodes"; not "two of six lymph nodes are
     * submitted for frozen section", a count of the nodes sampled.
     */
    private static final CuePattern OF = CuePattern.startingWith(NUMBER_FIRST,
            "\\b(?<involved>" + NUMBER + ")\\s+(?:out\\s+)?of\\s+(?<examined>" + NUMBER + ")\\s+(?:[a-z-]+\\s+){0,3}?" + NODE + "\\b"
                    + "(?!\\s*(?:\\(s\\)\\s*)?(?:are|were|is|was)\\s+(?:submitted|sent|received|entirely))");
    private static final String COUNT_OF = "\\bnumber\\s+(?:of\\s+(?:regional\\s+)?(?:lymph\\s+)?nodes\\s+)?";
    private static final String EXAMINED = COUNT_OF + "examined\\s*:\\s*(?<examined>" + NUMBER + ")\\b";
    private static final String INVOLVED = COUNT_OF + "(?:involved|positive|with\\s+(?:macro|micro)?metasta\\w*(?:\\s+(?:disease|carcinoma|tumou?r))?)"
            + "\\s*:\\s*(?<involved>" + NUMBER + ")\\b";
    /** Synoptic counts near the word node: "Number examined: 12. Number involved: 0", in either order. */
    private static final CuePattern EXAMINED_INVOLVED = CuePattern.startingWith("n", EXAMINED + "[^\\n]{0,40}?" + INVOLVED);
    private static final CuePattern INVOLVED_EXAMINED = CuePattern.startingWith("n", INVOLVED + "[^\\n]{0,40}?" + EXAMINED);
    /**
     * "Number of lymph nodes with micrometastases: 1" alone: some nodes involved, however many were examined (a zero
     * says nothing alone, as other kinds of deposit may be counted on their own lines).
     */
    private static final CuePattern INVOLVED_ALONE = CuePattern.startingWith("n", INVOLVED);
    /** Every pattern whose match gives the involved and examined nodes. */
    private static final List<CuePattern> COUNTS = List.of(FRACTION, OF, IN_FRACTION, EXAMINED_INVOLVED, INVOLVED_EXAMINED);
    /** "lymph nodes, negative for metastatic carcinoma", "lymph node: no tumor". */
    private static final CuePattern NODES_NEGATIVE = CuePattern.startingWith("l",
            "\\b" + NODE + "\\b[^.\\n]{0,40}?\\b(?:negative for|free of|no|without)\\s+(?:[a-z-]+\\s+){0,3}?" + FINDING);
    /** "ten benign lymph nodes", "Benign lymph nodes.", "Lymph nodes: not involved", "lymph nodes, uninvolved". */
    private static final CuePattern BENIGN_NODES = CuePattern.startingWith(NUMBER_FIRST + "lbu",
            "\\b(?:" + NUMBER + "\\s+(?:\\(\\d{1,3}\\)\\s+)?(?:[a-z-]+\\s+){0,2}?(?:benign|negative|uninvolved)\\s+(?:[a-z-]+\\s+){0,2}?" + NODE
                    + "|(?:benign|negative|uninvolved)\\s+(?:[a-z-]+\\s+)?" + NODE
                    + "|" + NODE + "\\s*[:,-]\\s*(?:all\\s+)?(?:not\\s+involved|uninvolved|negative|benign)\\b(?!\\s+for\\b))")
            .holding("benign", "negative", "involved");
    /** "tumor-free lymph nodes", "free lymph nodes" (translated reports), "the lymph nodes examined are tumor-free". */
    private static final CuePattern FREE_NODES = CuePattern.startingWith("flt",
            "\\b(?:(?:tumou?r[\\s-]?)?free\\s+(?:regional\\s+)?" + NODE
                    + "|" + NODE + "\\b[^.\\n]{0,60}?\\b(?:are|is|were|was)\\s+(?:all\\s+)?tumou?r[\\s-]?free)\\b").holding("free");
    /**
     * "lymph node showing metastatic carcinoma", "two lymph nodes positive for metastatic carcinoma": nodes said
     * to hold a metastasis, without a count; not a synoptic label ("lymph nodes with metastases: 0") nor "number of
     * lymph nodes with ...". The word boundary comes before the look-behind (both only test the start) so that the
     * matcher is entered at word starts only ({@link CuePattern#startsAtWords()}), not at every position of the windows.
     */
    private static final CuePattern NODES_WITH_METASTASIS = CuePattern.startingWith("l",
            "\\b(?<!\\bof\\s)" + NODE + "\\b[^.\\n\\d:/]{0,40}?\\b(?:shows?|showing|with|positive\\s+for|involved\\s+by|containing)\\s+"
                    + "(?:(?!no\\b|not\\b|without\\b)[a-z-]+\\s+){0,2}?" + METASTATIC + "\\b(?![^.\\n:]{0,20}:)").holding(METASTATIC_HOLDS);
    /**
     * "metastatic carcinoma in one lymph node", "metastatic carcinoma involving two peribronchial lymph nodes"; not
     * "metastatic carcinoma in 0 of 12 lymph nodes" (a count, read as one).
     */
    private static final CuePattern METASTASIS_IN_NODES = CuePattern.startingWith("m",
            "\\b" + METASTATIC + "\\s+(?:[a-z-]+\\s+){0,3}?(?:carcinoma|adenocarcinoma|melanoma|tumou?r|disease|seminoma)\\s+"
                    + "(?:is\\s+(?:present|identified)\\s+)?(?:in|to|involving)\\s+(?:(?!0\\b|no\\b|none\\b|zero\\b)[a-z0-9()-]+\\.?\\s+){0,4}?"
                    + NODE + "\\b");
    /**
     * "Lymph node, left intramammary, excision: Metastatic adenocarcinoma", "Lymph nodes of lesser curvature: Metastasis of
     * adenocarcinoma": a specimen part or field on the nodes whose finding is a metastasis; not "Lymph nodes: metastatic
     * carcinoma not identified (0/12)" nor a synoptic label ("Lymph nodes: Metastases: 0").
     */
    private static final CuePattern NODES_PART_METASTATIC = CuePattern.startingWith("l",
            "\\b" + NODE + "\\b[^.:\\n]{0,60}:\\s*-?\\s*" + METASTATIC + "\\b"
                    + "(?![^.\\n:]{0,20}:)(?![^.\\n]{0,60}?(?:\\b(?:not|absent|negative|none|no)\\b|\\b0\\s?/|\\b0\\s+of\\b))");
    /**
     * What follows a positive count whose only deposits are isolated tumour cells, pN0(i+) in AJCC: "2 of 3 lymph nodes
     * with isolated tumor cells only", "Axillary lymph nodes: 1/3, isolated tumor cells".
     */
    private static final Pattern ISOLATED_CELLS_AFTER = Pattern.compile("(?i)^\\s*[.,;:(-]?\\s*(?:(?:with|showing|containing)\\s+(?:only\\s+)?"
            + "|(?:type\\s+of\\s+)?metastas[ie]s\\s*(?:type\\s*)?:\\s*)?(?:isolated\\s+tumou?r\\s+cells|itcs?\\b)");
    private static final int ISOLATED_CELLS_REACH = 40;
    /**
     * A synoptic field naming the kind of the nodes' deposits after the counts: "Sentinel lymph nodes: 1/2. Non-sentinel
     * lymph nodes: 0. Total lymph nodes: 1/2. Type of metastasis: ITC." Every count of the block before it is of them.
     */
    private static final CuePattern ISOLATED_CELLS_FIELD = CuePattern.startingWith("t",
            "\\btype\\s+of\\s+metastas[ie]s\\s*:\\s*(?:isolated\\s+tumou?r\\s+cells|itcs?)\\b");
    /** The counts of a block stand at most this far before its field of isolated tumour cells. */
    private static final int ISOLATED_CELLS_BLOCK = 120;
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
            regions.forEachMatch(text, count, m -> count(text, m, mentions));
        }
        regions.forEachMatch(text, ISOLATED_CELLS_FIELD, m -> mentions.replaceAll(c -> ofIsolatedCells(c, m.start())));
        List<Mention> counts = List.copyOf(mentions);
        regions.forEachMatch(text, INVOLVED_ALONE, m -> {
            if (number(m.group("involved")) > 0 && !overlaps(counts, m)) {
                mentions.add(mention(true, m.start(), m.end()));
            }
        });
        for (CuePattern negative : List.of(NODES_NEGATIVE, NEGATIVE_IN_NODES, BENIGN_NODES, FREE_NODES)) {
            regions.forEachMatch(text, negative, m -> mentions.add(mention(false, m.start(), m.end())));
        }
        for (CuePattern positive : List.of(NODES_WITH_METASTASIS, METASTASIS_IN_NODES, NODES_PART_METASTATIC)) {
            regions.forEachMatch(text, positive, m -> {
                if (!overlaps(counts, m) && !Context.negated(text, m.start(), m.end())) {
                    mentions.add(mention(true, m.start(), m.end()));
                }
            });
        }
        return mentions;
    }

    /** Whether a match shares characters with a count already read (a statement the count reads better). */
    private static boolean overlaps(List<Mention> counts, Matcher m) {
        return counts.stream().anyMatch(c -> c.start() < m.end() && m.start() < c.end());
    }

    /** A count of involved among examined nodes; involved ones that hold only isolated tumour cells leave it N0. */
    private static void count(String text, Matcher m, List<Mention> out) {
        int involved = number(m.group("involved"));
        int examined = number(m.group("examined"));
        if (examined > 0 && involved <= examined) {
            boolean isolatedCells = involved > 0 && ISOLATED_CELLS_AFTER.matcher(
                    text.substring(m.end(), Math.min(text.length(), m.end() + ISOLATED_CELLS_REACH))).find();
            out.add(mention(involved > 0 && !isolatedCells, m.start(), m.end()));
        }
    }

    private static int number(String written) {
        String lower = written.toLowerCase(Locale.ROOT);
        return WORDS.containsKey(lower) ? WORDS.get(lower) : Integer.parseInt(lower);
    }

    /** A positive count within {@link #ISOLATED_CELLS_BLOCK} before a field of isolated tumour cells at {@code field} is N0. */
    private static Mention ofIsolatedCells(Mention count, int field) {
        boolean inBlock = count.value().equals("N+") && count.end() <= field && field - count.end() <= ISOLATED_CELLS_BLOCK;
        return inBlock ? mention(false, count.start(), count.end()) : count;
    }

    private static Mention mention(boolean positive, int start, int end) {
        return new Mention(InferenceType.PATHOLOGIC_STAGE_N, positive ? "N+" : "N0", null, Confidence.LYMPH_NODE_FINDING,
                start, end, positive ? 1 : 0, positive ? 1 : 0, positive);
    }
}
