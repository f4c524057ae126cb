package org.oncogate.inference.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
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

    /** A heading: at the start of the text or of a line or sentence, a known name and a colon. */
    private static final Pattern HEADING = Pattern.compile(
            "(?i)(?:^|[\\n.;]|\\s{2})\\s*(?:[A-Z]\\.\\s*)?(?<name>"
                    + "(?:final\\s+|pathologic(?:al)?\\s+|surgical\\s+pathology\\s+|addendum\\s+|revised\\s+|amended\\s+)*"
                    + "(?:diagnos[ie]s|dtagnosis|diagnosts|interpretation|synoptic(?:\\s+report)?|cancer\\s+case\\s+summary"
                    + "|tumou?r\\s+summary|summary|microscopic(?:\\s+description|\\s+examination)?|comments?|note"
                    + "|gross(?:\\s+description|\\s+examination)?|macroscopic(?:\\s+description|\\s+examination)?"
                    + "|specimens?\\s+received|clinical\\s+(?:history|information|data|notes?|diagnosis|indications?)"
                    + "|history|pre-?\\s?operative\\s+diagnosis|post-?\\s?operative\\s+diagnosis|indications?"
                    + "|reason\\s+for\\s+(?:surgery|biopsy|request)"
                    + "|intra-?\\s?operative\\s+(?:consultation|diagnosis)|frozen\\s+sections?(?:\\s+diagnosis)?))"
                    + "\\s*:");

    private final int[] starts;
    private final Kind[] kinds;

    private Sections(int[] starts, Kind[] kinds) {
        this.starts = starts;
        this.kinds = kinds;
    }

    static Sections of(String text) {
        List<Integer> starts = new ArrayList<>();
        List<Kind> kinds = new ArrayList<>();
        Matcher m = HEADING.matcher(text);
        while (m.find()) {
            starts.add(m.start("name"));
            kinds.add(kind(m.group("name").toLowerCase(Locale.ROOT)));
        }
        return new Sections(starts.stream().mapToInt(Integer::intValue).toArray(), kinds.toArray(Kind[]::new));
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
