package org.oncogate.inference.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.oncogate.job.ClinicalNoteEvidence;
import org.oncogate.job.Inference;
import org.oncogate.job.InferenceEvidence;
import org.oncogate.job.InferenceType;

/**
 * The pathologic T read from the tumour's stated extent when no T is written, for the sites of
 * {@code lexicon/t-by-extent.tsv}: "invades the muscularis propria" (stomach, colon: T2), "through the
 * muscularis propria" (colon: T3), "invasion of the visceral pleura" (lung: T2), "extends into perinephric
 * fat" (kidney: T3). The deepest asserted finding decides; a negated one ("no invasion of the renal vein",
 * "extrathyroidal extension: not identified") counts for nothing. Its confidence is
 * {@link Confidence#T_FROM_EXTENT} at most. The patterns of a site are one alternation, run over a
 * document only when its T is wanted this way, and entered only at the starts of words whose first character
 * can start a match.
 */
final class TByExtent {

    /** A stated extent located in the normalized text of a document, and the T it gives. */
    record Finding(String category, int start, int end) {
    }

    /** A finding located in the submitted text, with how much its section and assertion let it count. */
    record StatedExtent(String category, double weight, ClinicalNoteEvidence evidence) {
    }

    /**
     * One site's rules: a pattern whose group {@code r<i>} matches the statements of {@code categories.get(i)}, and
     * the ASCII characters a match can start with.
     */
    private record SiteRules(Pattern pattern, List<String> categories, boolean[] starts) {

        /** Whether a match may start at {@code i}: at the start of a word (every rule starts with {@code \b}), with a possible character. */
        boolean mayStartAt(String text, int i) {
            char c = text.charAt(i);
            return (c >= ASCII || starts[c]) && (i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1)));
        }
    }

    private static final int ASCII = 128;

    private static final Pattern PART = Pattern.compile("\\{(\\w+)\\}");
    /** "Perigastric fat invasion: no", "Renal vein: not involved": a synoptic answer that denies the finding. */
    private static final Pattern DENIED_AFTER = Pattern.compile("(?i)^\\s*[:\\-]?\\s*(?:no|negative|absent|not\\s+\\w+)\\b");
    private static final int AFTER = 20;

    private final Map<String, SiteRules> bySite;

    private TByExtent(Map<String, SiteRules> bySite) {
        this.bySite = Map.copyOf(bySite);
    }

    static TByExtent of(List<String> lines) {
        Map<String, String> parts = new HashMap<>();
        Map<String, List<String[]>> rows = new LinkedHashMap<>();
        for (String line : lines) {
            String[] columns = line.split("\t");
            if (line.startsWith("@") && columns.length == 2) {
                parts.put(columns[0].substring(1), columns[1]);
            } else if (columns.length == 3 && columns[1].matches("T[0-4]")) {
                String regex = expand(columns[2], parts);
                if (!regex.startsWith("\\b")) {
                    throw new IllegalStateException("t-by-extent: a rule must start at a word boundary (\\b)");
                }
                rows.computeIfAbsent(columns[0], s -> new ArrayList<>()).add(new String[] {columns[1], regex});
            } else {
                throw new IllegalStateException("t-by-extent: expected '@name<TAB>regex' or 'site<TAB>T<TAB>regex'");
            }
        }
        Map<String, SiteRules> bySite = new HashMap<>();
        rows.forEach((site, siteRows) -> {
            StringBuilder alternation = new StringBuilder("(?i)");
            List<String> categories = new ArrayList<>();
            for (String[] row : siteRows) {
                alternation.append(categories.isEmpty() ? "" : "|").append("(?<r").append(categories.size()).append('>')
                        .append(row[1]).append(')');
                categories.add(row[0]);
            }
            Pattern pattern = Pattern.compile(alternation.toString());
            bySite.put(site, new SiteRules(pattern, List.copyOf(categories), starts(pattern)));
        });
        return new TByExtent(bySite);
    }

    /**
     * The ASCII characters a match of {@code pattern} can start with: those on which matching the one-character text
     * succeeds or runs out of text ({@link Matcher#hitEnd()}) rather than fails.
     */
    private static boolean[] starts(Pattern pattern) {
        boolean[] starts = new boolean[ASCII];
        for (char c = 0; c < ASCII; c++) {
            Matcher m = pattern.matcher(String.valueOf(c));
            starts[c] = m.lookingAt() || m.hitEnd();
        }
        return starts;
    }

    private static String expand(String regex, Map<String, String> parts) {
        Matcher m = PART.matcher(regex);
        StringBuilder expanded = new StringBuilder();
        while (m.find()) {
            String part = parts.get(m.group(1));
            if (part == null) {
                throw new IllegalStateException("t-by-extent: undefined part {" + m.group(1) + "}");
            }
            m.appendReplacement(expanded, Matcher.quoteReplacement(part));
        }
        return m.appendTail(expanded).toString();
    }

    /** Whether the T of the site category (C64) can be read from its extent. */
    boolean covers(String siteCategory) {
        return bySite.containsKey(siteCategory);
    }

    /** The asserted, not negated statements of extent in a text, for a site category that {@link #covers}. */
    List<Finding> find(String siteCategory, String text) {
        SiteRules rules = bySite.get(siteCategory);
        List<Finding> findings = new ArrayList<>();
        Matcher m = rules.pattern().matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        int i = 0;
        while (i < text.length()) {
            if (!rules.mayStartAt(text, i) || !m.region(i, text.length()).lookingAt()) {
                i++;
                continue;
            }
            if (!negated(text, m.start(), m.end())
                    && !DENIED_AFTER.matcher(text.substring(m.end(), Math.min(text.length(), m.end() + AFTER))).find()) {
                findings.add(new Finding(category(rules, m), m.start(), m.end()));
            }
            i = Math.max(m.end(), i + 1);
        }
        return findings;
    }

    /**
     * Negated before or after ({@link Context#negated}), or before a line break that the text shows as a period
     * inside the sentence: "the tumor does not. invade the renal vein" (a period before a lower-case word).
     */
    private static boolean negated(String text, int start, int end) {
        if (Context.negated(text, start, end)) {
            return true;
        }
        int period = text.lastIndexOf(". ", start - 1);
        boolean lineBreak = period >= 0 && start - period <= Context.WINDOW && Character.isLowerCase(text.charAt(period + 2))
                && text.substring(period + 2, start).indexOf('.') < 0 && text.substring(period + 2, start).indexOf(';') < 0;
        return lineBreak && Context.cues(text, period).negation();
    }

    private static String category(SiteRules rules, Matcher m) {
        for (int i = 0; i < rules.categories().size(); i++) {
            if (m.start("r" + i) >= 0) {
                return rules.categories().get(i);
            }
        }
        throw new IllegalStateException("t-by-extent: a match of no rule");
    }

    /** The T of the deepest stated extent, most counting first among equals. */
    static Optional<Inference> infer(List<StatedExtent> extents) {
        return extents.stream()
                .max(Comparator.comparing(StatedExtent::category).thenComparingDouble(StatedExtent::weight))
                .map(deepest -> new Inference(InferenceType.PATHOLOGIC_STAGE_T, deepest.category(), null,
                        Confidence.T_FROM_EXTENT * deepest.weight(), List.of(new InferenceEvidence(deepest.evidence(), 1.0)), null));
    }
}
