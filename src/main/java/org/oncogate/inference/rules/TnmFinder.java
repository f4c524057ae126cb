package org.oncogate.inference.rules;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.oncogate.job.ClinicalType;
import org.oncogate.job.InferenceType;

/**
 * Finds TNM categories: {@code pT2 N0 M0}, {@code pT3pN1aM0}, {@code ypT1c}, {@code cT2N1M0},
 * {@code Primary tumor (pT): pT2}, OCR {@code pNO} and {@code pNI}, {@code pT1b(m)}, {@code pN0(i+)}, {@code pN1mi}, {@code pTis}.
 *
 * <p>Components written next to each other (T before N before M, separated by at most a few spaces or
 * commas, or by L/V/R/G descriptors) form one expression. To avoid false positives ("T2-weighted",
 * "C5-T1", "T1 vertebra", "N2 gas"), an expression without any prefix must have two components or
 * follow a staging label ("TNM", "stage", "primary tumor", "(pT)" ...); OCR letters for digits need a
 * prefix; enumerations, ranges and conditions ("pT1 and pT2 tumors", "pT1-pT2", "T1 if <= 3 cm") and lung
 * lymph node stations ("N1 lymph nodes") are not statements.
 *
 * <p>Clinical or pathologic: a component's own prefix decides (p, yp, rp, a: pathologic; c, yc, rc:
 * clinical); without one it carries the prefix of the expression ("pT2 N0 M0" is all pathologic);
 * without any, a pathology report's TNM is pathologic and any other document's clinical.
 */
final class TnmFinder {

    /** Written TNM outranks what is read from lymph node findings ({@link LymphNodeFinder}). */
    static final int RANK = 2;

    private static final String PREFIX = "(?:[yr]?[pc]|a|[YR]?[PC])";
    /** Lymphatic, venous, perineural invasion, residual tumour and grade, often written inside a TNM expression. */
    private static final String DESCRIPTOR = "(?:L|V|Pn|R|G)[0-4XxO]";
    /** A component from its axis letter on: the letter, its value, their suffixes and what may follow. */
    private static final String AXIS_ON = "(?:T(?<tsp>\\s?)(?<t>[iI][sS]|[0-4]|[Xx]|[lI])(?:[a-dA-D][1-3]?)?(?:mi)?"
                    + "(?:\\s?\\((?:[A-Za-z]{1,6}|\\d{1,2})\\))?"
                    + "|N(?<nsp>\\s?)(?<n>[0-3]|[Xx]|[Oo]|[lI])[a-cA-C]?(?:mi|\\(mi\\))?"
                    + "(?:i[+-]|\\s?\\((?:i[+-]|mol[+-]|sn|f|\\d{1,2}\\s?/\\s?\\d{1,3})\\)){0,3}"
                    + "|M(?<msp>\\s?)(?<m>[01]|[Xx]|[Oo])[a-dA-D]?(?:\\s?\\((?:i\\+|cy\\+|[A-Z]{3})\\))?)"
                    + "(?=[^A-Za-z0-9]|$|" + PREFIX + "?[NM][0-3XxOo]|" + DESCRIPTOR + "|(?<=[pP]T[0-4][a-d]?)N[A-Z](?![A-Za-z]))";
    private static final Pattern COMPONENT = Pattern.compile(
            "(?:(?<![A-Za-z0-9])|\\G)(?:(?<prefix>" + PREFIX + ")(?<psp> ?))?" + AXIS_ON);
    /**
     * Where a component's axis letter stands, the rest of it matches from there on its own: most capitals T, N and M
     * followed by a value character start a word ("TISSUE", "NODE", "Moderately"), and the windows of such are left out.
     */
    private static final Pattern AXIS_ON_PATTERN = Pattern.compile(AXIS_ON);
    /** The characters a category value starts with, on any axis. */
    private static final String VALUE_CHARACTERS = "01234XxOoIil";
    /** A prefix ("yp ") stands at most this far before the axis letter; a component's suffixes end within the reach after it. */
    private static final int PREFIX_REACH = 3;
    private static final int COMPONENT_REACH = 40;
    /** What may stand between two components of one expression. */
    private static final Pattern JOINER = Pattern.compile("[\\s,;/]{0,3}(?:" + DESCRIPTOR + "[\\s,;/]{0,3}){0,4}");
    private static final int MAX_JOINER = 24;
    private static final Pattern ENUMERATION_AFTER = Pattern.compile(
            "^\\s*(?:(?:and|or|to|-|\u2013|/)\\s*" + PREFIX + "?[TNM][0-4Xx]|\\(?(?:if|when)\\b)");
    private static final Pattern ENUMERATION_BEFORE = Pattern.compile(
            "[TNM][0-4Xx][a-d]?\\s*(?:and|or|to|-|\u2013|/)\\s*$");
    /**
     * A staging label before an expression, in words: "TNM", "stage", "primary tumor", "AJCC", "pathologic T"; searched
     * at word starts only ({@link CuePattern}), as most of the look-back is other words.
     */
    private static final CuePattern STAGING_WORDS = CuePattern.startingWith("tsprdace",
            "\\b(?:tnm\\b|stag(?:e|ing)\\b|primary tumou?r\\b|regional lymph nodes?\\b|distant metastas[ie]s\\b|ajcc\\b|category\\b"
                    + "|patholog\\w*\\s+[tnm]\\b|extent of invasion\\b|(?:tumou?r\\s+)?extension\\s*:|tumou?r\\s+extent\\b)");
    /** A staging label naming the axis alone: "(pT)", "(N)", or "T:" right before the expression. */
    private static final Pattern AXIS_LABEL = Pattern.compile("(?i)\\(\\s*p?[tnm]\\s*\\)|(?<![A-Za-z])[TNM]\\s?[.:]\\s*$");
    private static final int LABEL_WINDOW = 60;
    /** "T2, NOS": a category without its subcategory, as registries write it. */
    private static final Pattern NOS_AFTER = Pattern.compile("^\\s?,?\\s?NOS\\b");
    /** "N1 lymph nodes", "N2 (subcarinal) lymph nodes": lung node stations, not categories. */
    private static final Pattern NODE_STATION_AFTER = Pattern.compile("(?i)^\\s*(?:\\([^()]{0,40}\\)\\s*)?(?:lymph|nodes?\\b|station)");

    /**
     * A definition after a category: a colon, comma or period, then a word that is neither a category nor NOS
     * ("pN0: No regional lymph node metastasis", not "pT2, N0" or "T2, NOS").
     */
    private static final Pattern DEFINITION_AFTER = Pattern.compile("^\\s*(?<mark>[:,.])\\s*(?!" + PREFIX + "?[TNM](?:[0-4Xx]|O\\b)[a-d]?\\b|NOS\\b)[A-Za-z]{2,}");
    /**
     * "T Stage: 3 N Stage: 1b M Stage: 0": a synoptic label naming the axis, then the category without its letter
     * (a value with the letter, "T stage: pT2", is a component after a staging label).
     */
    private static final CuePattern AXIS_STAGE = CuePattern.startingWith("tnmpcyr",
            "\\b(?<prefix>[yr]?[pc])?(?-i:(?<axis>[TNM]))\\s+stage\\s*:\\s*(?<value>(?<=T\\s{1,3}stage\\s{0,3}:\\s{0,3})(?:[0-4]|is)"
                    + "|(?<=N\\s{1,3}stage\\s{0,3}:\\s{0,3})[0-3]|(?<=M\\s{1,3}stage\\s{0,3}:\\s{0,3})[01])(?:[a-d][1-3]?)?(?![\\w.,/-]*\\d)\\b");
    /** Entries of a legend stand at most this far apart. */
    private static final int LEGEND_GAP = 200;

    List<Mention> find(String text, ClinicalType clinicalType) {
        List<Mention> mentions = new ArrayList<>();
        TnmComponent.Kind documentKind = clinicalType == ClinicalType.PATHOLOGY_REPORT
                ? TnmComponent.Kind.PATHOLOGIC : TnmComponent.Kind.CLINICAL;
        List<List<TnmComponent>> expressions = expressions(text);
        Set<TnmComponent> legend = legend(text, expressions);
        for (List<TnmComponent> expression : expressions) {
            if (legend.contains(expression.get(0))) {
                continue;
            }
            boolean labelled = labelled(text, expression.get(0).start());
            if (isStatement(text, expression, labelled, clinicalType == ClinicalType.PATHOLOGY_REPORT)) {
                resolve(expression, documentKind, labelled, mentions);
            }
        }
        Regions.around(text, "sS", i -> Regions.wordAt(text, i, "stage"), 4, 16).forEachMatch(text, AXIS_STAGE, m -> resolve(
                List.of(new TnmComponent(m.group("axis").charAt(0), m.group("prefix"), false, m.group("value"), false, m.start(), m.end())),
                documentKind, true, mentions));
        return mentions;
    }

    /** The components of the text, grouped into expressions. */
    private static List<List<TnmComponent>> expressions(String text) {
        List<TnmComponent> components = new ArrayList<>();
        Matcher axisOn = AXIS_ON_PATTERN.matcher(text).useTransparentBounds(true);
        IntPredicate trigger = i -> trigger(text, i) && axisOn.region(i, text.length()).lookingAt();
        Regions.around(text, "TNM", trigger, PREFIX_REACH, COMPONENT_REACH).forEachMatch(text, COMPONENT, m -> {
            boolean insideWord = m.start() > 0 && m.start() == m.regionStart()
                    && Character.isLetterOrDigit(text.charAt(m.start() - 1)); // \G at the region's start
            if (!insideWord) {
                components.add(component(m));
            }
        });
        List<List<TnmComponent>> expressions = new ArrayList<>();
        List<TnmComponent> current = new ArrayList<>();
        for (TnmComponent component : components) {
            if (!current.isEmpty() && !joins(text, current.get(current.size() - 1), component)) {
                expressions.add(current);
                current = new ArrayList<>();
            }
            current.add(component);
        }
        if (!current.isEmpty()) {
            expressions.add(current);
        }
        return expressions;
    }

    /**
     * The entries of a legend, a list that defines categories rather than states one ("pT4a: Tumor invades the larynx
     * ... pT4b: Tumor invades the prevertebral fascia", "(N1, single pelvic node; N2, multiple pelvic nodes)"): lone
     * components followed by a definition, next to another such of the same axis and a different category.
     */
    private static Set<TnmComponent> legend(String text, List<List<TnmComponent>> expressions) {
        List<TnmComponent> defined = new ArrayList<>();
        List<Boolean> colons = new ArrayList<>();
        for (List<TnmComponent> expression : expressions) {
            TnmComponent c = expression.get(0);
            Matcher m = DEFINITION_AFTER.matcher(text.substring(c.end(), Math.min(text.length(), c.end() + 12)));
            if (expression.size() == 1 && m.find()) {
                defined.add(c);
                colons.add(!m.group("mark").equals("."));
            }
        }
        Set<TnmComponent> legend = new HashSet<>();
        for (int i = 1; i < defined.size(); i++) {
            TnmComponent previous = defined.get(i - 1);
            TnmComponent next = defined.get(i);
            if (previous.axis() == next.axis() && next.start() - previous.end() <= LEGEND_GAP && (colons.get(i - 1) || colons.get(i))
                    && !text.substring(previous.start(), previous.end()).equals(text.substring(next.start(), next.end()))) {
                legend.add(previous);
                legend.add(next);
            }
        }
        return legend;
    }

    /** Where a component may be: an axis letter followed by a value character, perhaps after one space. */
    private static boolean trigger(String text, int i) {
        char c = text.charAt(i);
        if (c != 'T' && c != 'N' && c != 'M') {
            return false;
        }
        int v = i + 1 < text.length() && Character.isWhitespace(text.charAt(i + 1)) ? i + 2 : i + 1;
        return v < text.length() && VALUE_CHARACTERS.indexOf(text.charAt(v)) >= 0;
    }

    private static TnmComponent component(Matcher m) {
        String prefix = m.group("prefix");
        boolean prefixSpaced = prefix != null && !m.group("psp").isEmpty();
        if (m.group("t") != null) {
            return new TnmComponent('T', prefix, prefixSpaced, m.group("t"), !m.group("tsp").isEmpty(), m.start(), m.end());
        }
        if (m.group("n") != null) {
            return new TnmComponent('N', prefix, prefixSpaced, m.group("n"), !m.group("nsp").isEmpty(), m.start(), m.end());
        }
        return new TnmComponent('M', prefix, prefixSpaced, m.group("m"), !m.group("msp").isEmpty(), m.start(), m.end());
    }

    private static boolean joins(String text, TnmComponent previous, TnmComponent next) {
        return axisOrder(previous.axis()) < axisOrder(next.axis())
                && next.start() - previous.end() <= MAX_JOINER
                && JOINER.matcher(text.substring(previous.end(), next.start())).matches();
    }

    private static int axisOrder(char axis) {
        return "TNM".indexOf(axis);
    }

    /** Whether an expression states categories; {@code labelled}: a staging label stands before it. */
    private static boolean isStatement(String text, List<TnmComponent> expression, boolean labelled, boolean pathology) {
        TnmComponent first = expression.get(0);
        TnmComponent last = expression.get(expression.size() - 1);
        String after = text.substring(last.end(), Math.min(text.length(), last.end() + 12));
        String before = text.substring(Math.max(0, first.start() - 12), first.start());
        if (ENUMERATION_AFTER.matcher(after).find() || ENUMERATION_BEFORE.matcher(before).find()) {
            return false;
        }
        boolean prefixed = expression.stream().anyMatch(c -> c.ownKind() != null);
        if (!prefixed && expression.size() == 1 && first.axis() == 'N'
                && NODE_STATION_AFTER.matcher(text.substring(first.end(), Math.min(text.length(), first.end() + 60))).find()) {
            return false;
        }
        return prefixed || expression.size() > 1 || labelled
                || (pathology && enclosed(text, first.start(), last.end()))
                || NOS_AFTER.matcher(text.substring(last.end(), Math.min(text.length(), last.end() + 8))).find();
    }

    /** "adenocarcinoma of the esophagus (T1)": a category alone in parentheses, in a pathology report. */
    private static boolean enclosed(String text, int start, int end) {
        return start > 0 && end < text.length() && text.charAt(start - 1) == '(' && text.charAt(end) == ')';
    }

    /** Whether a staging label stands before {@code start} on its line, within {@link #LABEL_WINDOW} characters. */
    private static boolean labelled(String text, int start) {
        int from = Math.max(Math.max(0, start - LABEL_WINDOW), text.lastIndexOf('\n', start - 1) + 1);
        // the region's bounds are opaque and anchoring: the look-back is searched as if it were the whole text
        return STAGING_WORDS.findsIn(text, from, start) || AXIS_LABEL.matcher(text).region(from, start).find();
    }

    /** Adds a mention per assessable component, with its kind resolved from prefixes and document. */
    private static void resolve(List<TnmComponent> expression, TnmComponent.Kind documentKind, boolean labelled,
            List<Mention> out) {
        TnmComponent.Kind expressionKind = expression.stream().map(TnmComponent::ownKind)
                .filter(k -> k != null).findFirst().orElse(null);
        TnmComponent.Kind carried = null;
        TnmComponent previous = null;
        for (TnmComponent component : expression) {
            TnmComponent.Kind own = component.ownKind();
            double confidence;
            TnmComponent.Kind kind;
            if (own != null) {
                kind = own;
                carried = own;
                confidence = Confidence.TNM_OWN_PREFIX;
            } else if (expressionKind != null) {
                kind = carried != null ? carried : expressionKind;
                confidence = Confidence.TNM_CARRIED_PREFIX;
            } else {
                kind = documentKind;
                confidence = Confidence.TNM_DOCUMENT_TYPE;
            }
            boolean afterCategory = previous != null && !previous.ocr() && !previous.unassessable();
            previous = component;
            if (component.unassessable() || !readable(component, expressionKind != null, afterCategory, labelled)) {
                continue;
            }
            if (component.ocr()) {
                confidence -= Confidence.OCR_PENALTY;
            }
            out.add(new Mention(type(component.axis(), kind), component.value(), null, confidence,
                    component.start(), component.end(), RANK, component.advancement(), true));
        }
    }

    /**
     * OCR letters need a prefix in the expression or, for N and M, a category written with a digit just
     * before ("T1 NO MX", "T2N0MO"); any OCR letter on T needs the component's own prefix, and l or I for 1 on N a
     * lower-case one ("pNI", "ypNl": "PNI" is perineural invasion; M is not so read, "MI" and "RPMI" being words); a
     * space after the prefix or between letter and value needs a lower-case p or c prefix of the component's own
     * ("p T 2", "pN 0") or a staging label before the expression ("Pathological Staging (pTNM): T 2c"): "CT 2 cm" is
     * a CT scan, "a T2 lesion" an MRI finding.
     */
    private static boolean readable(TnmComponent component, boolean expressionPrefix, boolean afterCategory,
            boolean labelled) {
        if (component.ocr() && !(expressionPrefix || (afterCategory && component.axis() != 'T'))) {
            return false;
        }
        if (component.ocr() && component.axis() == 'T' && component.ownKind() == null) {
            return false;
        }
        boolean lowerPrefix = component.prefix() != null && !component.prefix().equals("a")
                && Character.isLowerCase(component.prefix().charAt(0));
        if (component.ocr() && component.axis() == 'N' && !component.raw().equalsIgnoreCase("O") && !lowerPrefix) {
            return false;
        }
        boolean spaced = component.spaced() || component.prefixSpaced();
        return !spaced || lowerPrefix || (labelled && component.prefix() == null);
    }

    private static InferenceType type(char axis, TnmComponent.Kind kind) {
        boolean pathologic = kind == TnmComponent.Kind.PATHOLOGIC;
        return switch (axis) {
            case 'T' -> pathologic ? InferenceType.PATHOLOGIC_STAGE_T : InferenceType.CLINICAL_STAGE_T;
            case 'N' -> pathologic ? InferenceType.PATHOLOGIC_STAGE_N : InferenceType.CLINICAL_STAGE_N;
            default -> pathologic ? InferenceType.PATHOLOGIC_STAGE_M : InferenceType.CLINICAL_STAGE_M;
        };
    }
}
