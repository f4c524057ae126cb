package org.oncogate.inference.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.oncogate.job.InferenceType;

/**
 * Site categories and organs that yield to more specific ones, from {@code lexicon/generic-topography.txt}: a
 * category listed alone ranks below all others ("uterus, NOS" below cervix and corpus); an organ's NOS code listed
 * with categories yields to those when the patient's reports name that organ only by its NOS code ("colon" beside
 * "rectum": a rectal tumour in a report that calls the specimen a segment of colon).
 */
final class GenericSites {

    private final Set<String> genericCategories;
    /** NOS code (C18.9) to the categories it yields to (C19, C20). */
    private final Map<String, Set<String>> yieldsTo;

    private GenericSites(Set<String> genericCategories, Map<String, Set<String>> yieldsTo) {
        this.genericCategories = Set.copyOf(genericCategories);
        this.yieldsTo = Map.copyOf(yieldsTo);
    }

    static GenericSites of(List<String> lines) {
        Set<String> categories = new HashSet<>();
        Map<String, Set<String>> yieldsTo = new HashMap<>();
        for (String line : lines) {
            String[] columns = line.split("\t");
            if (columns.length == 1) {
                categories.add(columns[0].strip());
            } else if (columns.length == 2) {
                yieldsTo.put(columns[0].strip(), Set.of(columns[1].strip().split(" ")));
            } else {
                throw new IllegalStateException("generic-topography: expected 1 or 2 columns in a row");
            }
        }
        return new GenericSites(categories, yieldsTo);
    }

    /** Whether the category of {@code code} ranks below all others. */
    boolean generic(String code) {
        return genericCategories.contains(code.substring(0, 3));
    }

    /**
     * The mentions ranked for the patient: those of a category named only by a listed NOS code rank generic when the
     * patient's mentions name one of the categories it yields to; those of a generic category that {@code fitsHistology}
     * (the patient's histology arises there: carcinosarcoma in the uterus, NOS) rank as any other.
     */
    List<Located> yielding(List<Located> found, Predicate<String> fitsHistology) {
        Set<String> categories = new HashSet<>();
        Map<String, Boolean> onlyNos = new HashMap<>();
        for (Located l : found) {
            Mention m = l.mention();
            if (m.type() == InferenceType.TUMOR_SITE) {
                categories.add(m.group());
                onlyNos.merge(m.group(), yieldsTo.containsKey(m.value()), Boolean::logicalAnd);
            }
        }
        List<Located> result = new ArrayList<>(found.size());
        for (Located l : found) {
            Mention m = l.mention();
            if (m.type() != InferenceType.TUMOR_SITE) {
                result.add(l);
                continue;
            }
            boolean yields = onlyNos.getOrDefault(m.group(), false)
                    && yieldsTo.getOrDefault(m.value(), Set.of()).stream().anyMatch(categories::contains);
            boolean stands = m.rank() == 0 && fitsHistology.test(m.group());
            result.add(yields ? relocated(l, m.ranked(0)) : stands ? relocated(l, m.ranked(1)) : l);
        }
        return result;
    }

    private static Located relocated(Located l, Mention m) {
        return new Located(m, l.evidence(), l.order(), l.document());
    }
}
