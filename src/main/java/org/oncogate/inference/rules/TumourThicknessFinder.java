package org.oncogate.inference.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;

/**
 * Finds the Breslow thickness of a melanoma, from which AJCC reads its T: "Breslow thickness: 2.5 mm", "Breslow:
 * 3,2 mm", "Breslow's depth of 1.2 mm", "Breslow thickness (mm): 6.50", "tumor thickness (Breslow): 3.1 mm". Only
 * a thickness the word Breslow names counts: a tumour's diameter, a specimen's depth or an ocular tumour's height do not.
 * The thickness is given in centimetres, as {@link TumourSizeFinder} gives sizes.
 */
final class TumourThicknessFinder {

    private static final String NUMBER = "(?<number>\\d{1,2}(?:[.,]\\d{1,2})?)";
    private static final String MEASURE = "(?:\\s+(?:thickness|depth|level|index|measurement))?";
    private static final CuePattern BRESLOW = CuePattern.startingWith("bmt", "\\b(?:breslow(?:'s)?" + MEASURE
            + "|(?:maximum\\s+)?tumou?r\\s+thickness\\s*\\(\\s*breslow\\s*\\))"
            + "(?:\\s*\\(\\s*(?<unitBefore>mm|cm)\\s*\\))?\\s*(?:is|of|:|-|=|\\.)?\\s*(?:(?:approximately|about|at\\s+least)\\s+)?"
            + NUMBER + "(?:\\s*(?<unit>mm|cm)\\b)?");
    /** The longest match, before and after the word Breslow. */
    private static final int REACH = 80;

    List<TumourSizeFinder.Size> find(String text) {
        List<TumourSizeFinder.Size> thicknesses = new ArrayList<>();
        Regions regions = Regions.around(text, "bB", i -> Regions.wordAt(text, i, "breslow"), 40, REACH);
        regions.forEachMatch(text, BRESLOW, m -> thickness(m, thicknesses));
        return thicknesses;
    }

    /** A thickness with its unit written before ("(mm): 12.00") or after ("2.5 mm"); a number without a unit is no thickness. */
    private static void thickness(Matcher m, List<TumourSizeFinder.Size> out) {
        String unit = m.group("unit") != null ? m.group("unit") : m.group("unitBefore");
        if (unit == null) {
            return;
        }
        double value = Double.parseDouble(m.group("number").replace(',', '.'));
        boolean millimetres = unit.toLowerCase(Locale.ROOT).equals("mm");
        out.add(new TumourSizeFinder.Size(millimetres ? value / 10 : value, m.start(), m.end()));
    }
}
