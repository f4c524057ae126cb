package org.oncogate.inference.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds stated sizes of the tumour: "Tumor size: 2.5 x 2.0 x 1.2 cm", "Tumor size (greatest dimension): 2.5 cm",
 * "greatest dimension of invasive carcinoma: 18 mm", "the tumor greatest diameter is 2.1 cm", "the mass measures 3.1 cm",
 * "forms a 2.3 cm mass", "squamous cell carcinoma (3.5 cm)", "ductal carcinoma, 3.1 cm, poorly differentiated". Only sizes said to be the tumour's count, never a
 * specimen's or a lymph node's. A size is its largest dimension, in centimetres.
 */
final class TumourSizeFinder {

    /** A stated size and where it is in the normalized text. */
    record Size(double centimetres, int start, int end) {
    }

    private static final String NUMBER = "\\d{1,3}(?:\\.\\d{1,2})?";
    private static final String SIZE = "(?<dimensions>" + NUMBER + "(?:\\s*(?:[x\u00d7]|by)\\s*" + NUMBER + "){0,2})\\s*(?<unit>cm|mm)\\b";
    private static final String TUMOUR = "(?:tumou?r|lesion|mass|carcinoma|adenocarcinoma|malignancy|neoplasm|nodule)";
    private static final List<CuePattern> PATTERNS = List.of(
            // "Tumor size: 2.5 x 2.0 cm", "greatest dimension of invasive carcinoma: 18 mm", "the mass measures 3.1 cm",
            // "Tumor size: left lobe: 4.3 cm"
            CuePattern.startingWith("acgilmnst", "\\b(?:"
                    + "(?:tumou?r|lesion|mass|carcinoma|invasive\\s+(?:tumou?r|carcinoma|component))\\s+(?:size|dimensions?)"
                    + "|(?:greatest|largest|maximum|max)\\s+(?:tumou?r\\s+)?(?:dimension|diameter|size)"
                    + "(?:\\s+of\\s+(?:the\\s+)?(?:invasive\\s+)?(?:tumou?r|carcinoma|component|focus))?"
                    + "|size\\s+of\\s+(?:the\\s+)?(?:invasive\\s+)?(?:tumou?r|carcinoma)"
                    + "|tumou?r\\s+mass|tumou?r\\s+size\\s+is"
                    + "|" + TUMOUR + "\\s+(?:measures|measuring|spans|is\\s+measured\\s+at|is|was))"
                    + "(?:\\s*\\([^()]{0,30}\\))?\\s*[:\\-]?\\s*(?:(?:greatest|largest|maximum)\\s+(?:dimension|diameter)\\s+)?(?:is\\s+)?"
                    // a synoptic field's part named before its size: "Tumor size: left lobe: 4.3 cm"
                    + "(?:(?:(?:right|left)\\s+lobe|isthmus|dominant\\s+(?:nodule|tumou?r)|largest\\s+(?:focus|nodule|tumou?r))\\s*:\\s*)?"
                    + "(?:(?:approximately|about|up\\s+to|at\\s+least)\\s+)?" + SIZE),
            // "forms a 2.3 x 2 x 1.8 cm mass", "a 2.5 cm tan-white firm tumor", "a 3.1 cm. mass" (a line break shown
            // as a period before a lower-case word)
            CuePattern.startingWith("\\d", "(?<![\\d.])" + SIZE + "(?:\\.(?=\\s+(?-i:[a-z])))?\\s+(?:[a-z-]+\\s+){0,3}?" + TUMOUR + "\\b"),
            // "a firm lesion at 3 o'clock measuring 2.6 x 2.1 cm", "a tan nodule of the lower pole measuring 3 cm"
            CuePattern.startingWith("aclmnt", "\\b" + TUMOUR + "\\s+(?:(?!and\\b|with\\b|from\\b)[a-z0-9'-]++\\s+){1,5}?measuring\\s+"
                    + "(?:(?:approximately|about|up\\s+to)\\s+)?" + SIZE),
            // "squamous cell carcinoma (3.5 cm)", "infiltrating ductal carcinoma, 3.1 cm, poorly differentiated"; not "tumor, 0.5 cm from the margin"
            CuePattern.startingWith("actm", "\\b(?:carcinoma|adenocarcinoma|tumou?r|mass)\\s*(?:,?\\s*\\(|,)\\s*" + SIZE
                    + "(?!\\s+(?:from|away|to)\\b)"),
            // "adenocarcinoma, moderately differentiated, 2.7 cm diameter"; the words are possessive (a word is
            // never split, which cannot make a match, only try one), as only a number may follow them
            CuePattern.startingWith("actm", "\\b(?:carcinoma|adenocarcinoma|tumou?r|mass)\\s*,?\\s*(?:[a-z-]++\\s*+,?+\\s*+){1,3}" + SIZE
                    + "\\s+(?:in\\s+)?(?:greatest\\s+|maximum\\s+|largest\\s+)?(?:dimension|diameter)"));
    private static final Pattern DIMENSION = Pattern.compile(NUMBER);
    /** The longest pattern before its unit. */
    private static final int REACH = 140;

    List<Size> find(String text) {
        List<Size> sizes = new ArrayList<>();
        Regions regions = Regions.around(text, "cCmM", i -> unit(text, i), REACH, 40);
        for (CuePattern pattern : PATTERNS) {
            regions.forEachMatch(text, pattern, m -> sizes.add(size(m)));
        }
        return sizes;
    }

    /**
     * Where {@link #SIZE} may end: a unit after a digit (and perhaps spaces), not followed by a word character; not
     * "immunohistochemistry" or "comments", nor a unit written without a number.
     */
    private static boolean unit(String text, int i) {
        if (!Regions.wordAt(text, i, "cm") && !Regions.wordAt(text, i, "mm")) {
            return false;
        }
        int after = i + 2;
        if (after < text.length() && CuePattern.asciiWord(text.charAt(after))) {
            return false; // \b fails there whichever letters and digits it counts as word characters
        }
        int before = i - 1;
        while (before >= 0 && Regions.regexSpace(text.charAt(before))) {
            before--;
        }
        return before >= 0 && text.charAt(before) >= '0' && text.charAt(before) <= '9';
    }

    private static Size size(Matcher m) {
        double largest = 0;
        Matcher d = DIMENSION.matcher(m.group("dimensions"));
        while (d.find()) {
            largest = Math.max(largest, Double.parseDouble(d.group()));
        }
        boolean millimetres = m.group("unit").toLowerCase(Locale.ROOT).equals("mm");
        return new Size(millimetres ? largest / 10 : largest, m.start(), m.end());
    }
}
