package org.oncogate.inference.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where a histology usually arises, from {@code lexicon/histology-sites.tsv}: the site categories it fits,
 * the first the likeliest, and the site to infer when a report names none. Ranges of morphology codes share one row.
 */
final class SiteFits {

    /** One row: morphology codes {@code from..to}, the default site or null, the categories. */
    private record Row(int from, int to, String defaultSite, List<String> categories) {
    }

    static final double OTHER_FIT = 0.5;

    private final List<Row> rows;

    private SiteFits(List<Row> rows) {
        this.rows = List.copyOf(rows);
    }

    static SiteFits of(List<String> lines) {
        List<Row> rows = new ArrayList<>();
        for (String line : lines) {
            String[] columns = line.split("\t");
            if (columns.length != 3) {
                throw new IllegalStateException("histology-sites: expected 3 columns in a row");
            }
            String[] range = columns[0].split("-");
            int from = Integer.parseInt(range[0]);
            int to = range.length > 1 ? Integer.parseInt(range[1]) : from;
            String defaultSite = columns[1].equals("-") ? null : columns[1];
            rows.add(new Row(from, to, defaultSite, List.of(columns[2].split(" "))));
        }
        return new SiteFits(rows);
    }

    private Optional<Row> row(String histology) {
        if (histology == null || histology.length() != 4 || !Character.isDigit(histology.charAt(0))) {
            return Optional.empty();
        }
        int code = Integer.parseInt(histology);
        return rows.stream().filter(r -> r.from() <= code && code <= r.to()).findFirst();
    }

    /**
     * How well {@code category} (e.g. C54) fits where {@code histology} arises: 1 for the first listed (the
     * usual organ), {@link #OTHER_FIT} for the others listed, 0 for any other.
     */
    double fit(String histology, String category) {
        return row(histology).map(r -> {
            int at = r.categories().indexOf(category);
            return at < 0 ? 0 : at == 0 ? 1 : OTHER_FIT;
        }).orElse(0.0);
    }

    /** The site to infer from {@code histology} alone, if it says one. */
    Optional<String> defaultSite(String histology) {
        return row(histology).map(Row::defaultSite);
    }
}
