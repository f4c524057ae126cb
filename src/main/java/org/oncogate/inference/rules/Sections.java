package org.oncogate.inference.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The sections of a report, found from their headings ("FINAL DIAGNOSIS:", "Gross Description:",
 * "Clinical History:"), and how much a statement in each counts: the diagnosis and synoptic sections
 * are what the pathologist concludes, the gross description names every organ received, the history
 * repeats what was known before. Text before the first heading counts fully. One pass over the text.
 */
final class Sections {

    enum Kind {
        DIAGNOSIS(1.0), OTHER(1.0), INTRAOPERATIVE(0.9), GROSS(0.75), HISTORY(0.6);

        final double weight;

        Kind(double weight) {
            this.weight = weight;
        }
    }

    /**
     * A heading's name, the whole of what stands between the start of the text, of a line or of a sentence
     * (or two spaces) and a colon.
     */
    private static final Pattern NAME = Pattern.compile(
            "(?i)(?:final\\s+|pathologic(?:al)?\\s+|surgical\\s+pathology\\s+|addendum\\s+|revised\\s+|amended\\s+)*"
                    + "(?:diagnos[ie]s|dtagnosis|diagnosts|interpretation|synoptic(?:\\s+report)?|cancer\\s+case\\s+summary"
                    + "|tumou?r\\s+summary|summary|microscopic(?:\\s+description|\\s+examination)?|comments?|note"
                    + "|gross(?:\\s+description|\\s+examination)?|macroscopic(?:\\s+description|\\s+examination)?"
                    + "|specimens?\\s+received|clinical\\s+(?:history|information|data|notes?|diagnosis|indications?)"
                    + "|history|pre-?\\s?operative\\s+diagnosis|post-?\\s?operative\\s+diagnosis|indications?"
                    + "|reason\\s+for\\s+(?:surgery|biopsy|request)"
                    + "|intra-?\\s?operative\\s+(?:consultation|diagnosis)|frozen\\s+sections?(?:\\s+diagnosis)?)");
    /** Headings are short: a colon further than this from the start of its sentence ends no heading. */
    private static final int MAX_NAME = 60;

    private final int[] starts;
    private final Kind[] kinds;

    private Sections(int[] starts, Kind[] kinds) {
        this.starts = starts;
        this.kinds = kinds;
    }

    static Sections of(String text) {
        List<Integer> starts = new ArrayList<>();
        List<Kind> kinds = new ArrayList<>();
        for (int colon = text.indexOf(':'); colon >= 0; colon = text.indexOf(':', colon + 1)) {
            int from = sentenceStart(text, colon);
            if (from < 0) {
                continue;
            }
            while (from < colon && Character.isWhitespace(text.charAt(from))) {
                from++;
            }
            if (from + 2 < colon && Character.isLetter(text.charAt(from)) && text.charAt(from + 1) == '.') {
                from += 2; // a part label: "A. Gross description:"
                while (from < colon && Character.isWhitespace(text.charAt(from))) {
                    from++;
                }
            }
            String name = text.substring(from, colon).stripTrailing();
            if (NAME.matcher(name).matches()) {
                starts.add(from);
                kinds.add(kind(name.toLowerCase(Locale.ROOT)));
            }
        }
        return new Sections(starts.stream().mapToInt(Integer::intValue).toArray(), kinds.toArray(Kind[]::new));
    }

    /** Where the sentence holding {@code colon} starts, or -1 when that is more than {@link #MAX_NAME} before it. */
    private static int sentenceStart(String text, int colon) {
        for (int i = colon; i > 0 && colon - i <= MAX_NAME; i--) {
            char c = text.charAt(i - 1);
            if (c == '\n' || c == '.' || c == ';' || (i >= 2 && Character.isWhitespace(c) && Character.isWhitespace(text.charAt(i - 2)))) {
                return i;
            }
        }
        return colon <= MAX_NAME ? 0 : -1;
    }

    private static Kind kind(String name) {
        if (name.startsWith("pre") || name.startsWith("post") || name.contains("clinical") || name.contains("history")
                || name.startsWith("indication") || name.startsWith("reason")) {
            return Kind.HISTORY;
        }
        if (name.startsWith("gross") || name.startsWith("macroscopic") || name.startsWith("specimen")) {
            return Kind.GROSS;
        }
        if (name.startsWith("intra") || name.startsWith("frozen")) {
            return Kind.INTRAOPERATIVE;
        }
        if (name.startsWith("microscopic") || name.startsWith("comment") || name.startsWith("note")) {
            return Kind.OTHER;
        }
        return Kind.DIAGNOSIS;
    }

    /** The section the character at {@code offset} lies in; {@link Kind#OTHER} before any heading. */
    Kind at(int offset) {
        int low = 0;
        int high = starts.length - 1;
        int found = -1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            if (starts[mid] <= offset) {
                found = mid;
                low = mid + 1;
            } else {
                high = mid - 1;
            }
        }
        return found < 0 ? Kind.OTHER : kinds[found];
    }
}
