package org.oncogate.inference.rules;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.oncogate.job.Inference;

/**
 * The histology registrars code for an organ when a report names only a generic one, from
 * {@code lexicon/usual-histology.tsv}: "breast: invasive carcinoma" is the usual infiltrating duct carcinoma.
 */
final class UsualHistology {

    /** Site category and generic histology (4-digit) to the usual histology. */
    private final Map<String, String> usual;

    private UsualHistology(Map<String, String> usual) {
        this.usual = Map.copyOf(usual);
    }

    static UsualHistology of(List<String> lines) {
        Map<String, String> usual = new HashMap<>();
        for (String line : lines) {
            String[] columns = line.split("\t");
            if (columns.length != 3) {
                throw new IllegalStateException("usual-histology: expected 3 columns in a row");
            }
            for (String category : columns[0].strip().split(" ")) {
                for (String generic : columns[1].strip().split(" ")) {
                    usual.put(key(category, generic), columns[2].strip());
                }
            }
        }
        return new UsualHistology(usual);
    }

    /**
     * The histology for {@code site}: the organ's usual one at {@link Confidence#HISTOLOGY_FROM_SITE} of the
     * confidence, on the same evidence, when {@code histology} is generic for that organ; otherwise {@code histology}.
     */
    Inference refine(Inference histology, Inference site, Function<String, String> description) {
        if (histology.isNone() || site.isNone()) {
            return histology;
        }
        String code = usual.get(key(site.value().substring(0, 3), histology.value()));
        if (code == null) {
            return histology;
        }
        return new Inference(histology.type(), code, description.apply(code),
                histology.confidenceScore() * Confidence.HISTOLOGY_FROM_SITE, histology.evidence(), histology.caseId());
    }

    private static String key(String category, String histology) {
        return category + " " + histology;
    }
}
