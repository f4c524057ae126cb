package org.oncogate.inference.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.oncogate.job.InferenceType;

/**
 * The subtypes of histologies, from {@code lexicon/histology-subtypes.tsv}: registrars code the most specific
 * histology stated, so a parent ("papillary carcinoma", 8260) yields to a subtype of it found for the patient
 * ("tall cell variant", 8344), and a qualifier written a few words after a parent names the subtype
 * ("renal cell carcinoma (8 cm), conventional type": 8310).
 */
final class Subtypes {

    /** Words after a parent term within which a qualifier is sought. */
    static final int QUALIFIER_REACH = 8;

    /** The qualifier terms of each parent (4-digit code): entries coded with the subtype's 4-digit code. */
    private final Map<String, PhraseMatcher> qualifiers;
    /** A range of 4-digit morphology codes, {@code from..to}. */
    private record Range(int from, int to) {

        static Range of(String column) {
            String[] ends = column.split("-");
            return new Range(Integer.parseInt(ends[0]), Integer.parseInt(ends[ends.length - 1]));
        }

        boolean holds(String histology) {
            int code = Integer.parseInt(histology);
            return from <= code && code <= to;
        }
    }

    /** The subtypes of each parent (4-digit code): codes or ranges of them. */
    private final Map<String, List<Range>> subtypes;

    private Subtypes(Map<String, PhraseMatcher> qualifiers, Map<String, List<Range>> subtypes) {
        this.qualifiers = Map.copyOf(qualifiers);
        this.subtypes = Map.copyOf(subtypes);
    }

    static Subtypes of(List<String> lines) {
        Map<String, List<LexiconEntry>> qualifierEntries = new HashMap<>();
        Map<String, List<Range>> subtypes = new HashMap<>();
        for (String line : lines) {
            String[] columns = line.split("\t");
            if (columns.length < 2 || columns.length > 3) {
                throw new IllegalStateException("histology-subtypes: expected 2 or 3 columns in a row");
            }
            String parent = columns[0].strip();
            String subtype = columns[1].strip();
            subtypes.computeIfAbsent(parent, p -> new ArrayList<>()).add(Range.of(subtype));
            if (columns.length == 3) {
                List<String> terms = Arrays.stream(columns[2].split("\\|")).map(String::strip).filter(t -> !t.isEmpty()).toList();
                qualifierEntries.computeIfAbsent(parent, p -> new ArrayList<>()).add(new LexiconEntry(subtype, terms.get(0), terms));
            }
        }
        Map<String, PhraseMatcher> qualifiers = new HashMap<>();
        qualifierEntries.forEach((parent, entries) -> qualifiers.put(parent, new PhraseMatcher(Lexicon.of(entries))));
        subtypes.replaceAll((parent, ranges) -> List.copyOf(ranges));
        return new Subtypes(qualifiers, subtypes);
    }

    /**
     * The subtype a qualifier names among {@code words} (the words after a mention of {@code parent}, at most
     * {@link #QUALIFIER_REACH} of them), with the qualifier's match; empty when none does.
     */
    Optional<PhraseMatcher.Match> qualifier(String parent, List<Token> words) {
        PhraseMatcher matcher = qualifiers.get(parent);
        if (matcher == null || words.isEmpty()) {
            return Optional.empty();
        }
        return matcher.find(words).stream().findFirst();
    }

    /** Whether {@code histology} is a listed subtype of {@code parent} (4-digit codes; a parent is no subtype of itself). */
    boolean isSubtype(String histology, String parent) {
        return !histology.equals(parent) && histology.chars().allMatch(Character::isDigit)
                && subtypes.getOrDefault(parent, List.of()).stream().anyMatch(r -> r.holds(histology));
    }

    /**
     * The mentions with each parent histology ranked as generic (one level below a specific histology) when a
     * subtype of it of the same rank is also found for the patient.
     */
    List<Located> parentsYield(List<Located> found) {
        Map<Integer, Set<String>> valuesByRank = new HashMap<>();
        for (Located located : found) {
            Mention m = located.mention();
            if (m.type() == InferenceType.HISTOLOGY) {
                valuesByRank.computeIfAbsent(m.rank(), r -> new HashSet<>()).add(m.value());
            }
        }
        List<Located> result = new ArrayList<>(found.size());
        for (Located located : found) {
            Mention m = located.mention();
            boolean yields = m.type() == InferenceType.HISTOLOGY && subtypes.containsKey(m.value())
                    && valuesByRank.get(m.rank()).stream().anyMatch(v -> isSubtype(v, m.value()));
            result.add(yields ? new Located(m.ranked(m.rank() - 1), located.evidence(), located.order(), located.document()) : located);
        }
        return result;
    }
}
