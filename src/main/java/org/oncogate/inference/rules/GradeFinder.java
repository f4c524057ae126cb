package org.oncogate.inference.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.oncogate.job.InferenceType;

/**
 * Finds the tumour's grade as ICD-O-3 codes it (G1 to G4): a labelled grade ("histologic grade: 3",
 * "Fuhrman nuclear grade III", "grade 2 of 3", "G3") and differentiation words ("moderately
 * differentiated", "poorly differentiated", "undifferentiated"). A range takes the higher grade, as
 * registries do ("moderately to poorly differentiated" is G3). Dysplasia and intraepithelial neoplasia
 * grades ("high grade dysplasia", "PIN grade 3") and Gleason scores are not tumour grades; negated
 * statements are dropped, history is left to the engine's context weighting like every other mention.
 */
final class GradeFinder {

    private static final Pattern LABELLED = Pattern.compile("(?i)\\b(?:(?:histologic(?:al)?|nuclear|tumou?r|overall|"
            + "nottingham|fuhrman|who|isup|fnclcc|combined)\\s+)*grade\\s*(?:[:(\\-]\\s*)?(?:g\\s?)?(?<grade>[1-4]|iv|i{1,3})"
            + "(?:\\s*(?:of|/)\\s*[34]|\\s*(?:-|to)\\s*(?<upper>[2-4]|iv|i{2,3}))?\\b");
    private static final Pattern CODED = Pattern.compile("(?<![A-Za-z0-9/])G(?<grade>[1-4])(?![0-9a-z])");
    private static final Pattern DIFFERENTIATED = Pattern.compile("(?i)\\b(?:(?<from>well|moderately|poorly)\\s*(?:-|to|and)\\s*)?"
            + "(?<degree>well|moderately|poorly|un)[\\s-]?differentiated\\b");
    /** Words before a grade that make it a dysplasia's or an intraepithelial lesion's, not the tumour's. */
    private static final Pattern NOT_TUMOUR = Pattern.compile("(?i)(?:dysplasia|\\bpin|\\bcin|\\bain|\\bvin|intraepithelial neoplasia"
            + "|gleason|grade group)\\W{0,20}$");
    private static final int LOOK_BACK = 30;
    private static final String[] DESCRIPTIONS = {null, "Well differentiated", "Moderately differentiated",
        "Poorly differentiated", "Undifferentiated"};

    List<Mention> find(String text) {
        List<Mention> mentions = new ArrayList<>();
        Matcher labelled = LABELLED.matcher(text);
        while (labelled.find()) {
            if (tumours(text, labelled.start(), labelled.end())) {
                int grade = Math.max(number(labelled.group("grade")),
                        labelled.group("upper") == null ? 0 : number(labelled.group("upper")));
                add(mentions, grade, Confidence.TNM_OWN_PREFIX, labelled.start(), labelled.end());
            }
        }
        Matcher coded = CODED.matcher(text);
        while (coded.find()) {
            if (tumours(text, coded.start(), coded.end())) {
                add(mentions, number(coded.group("grade")), Confidence.TNM_CARRIED_PREFIX, coded.start(), coded.end());
            }
        }
        Matcher differentiated = DIFFERENTIATED.matcher(text);
        while (differentiated.find()) {
            if (tumours(text, differentiated.start(), differentiated.end())) {
                int grade = Math.max(degree(differentiated.group("degree")),
                        differentiated.group("from") == null ? 0 : degree(differentiated.group("from")));
                add(mentions, grade, Confidence.TERM_MAX, differentiated.start(), differentiated.end());
            }
        }
        return mentions;
    }

    private static boolean tumours(String text, int start, int end) {
        return !NOT_TUMOUR.matcher(text).region(Math.max(0, start - LOOK_BACK), start).find()
                && !Context.negated(text, start, end);
    }

    private static void add(List<Mention> mentions, int grade, double confidence, int start, int end) {
        mentions.add(new Mention(InferenceType.TUMOR_GRADE, "G" + grade, DESCRIPTIONS[grade], confidence, start, end, 0, grade,
                false));
    }

    private static int number(String written) {
        return switch (written.toLowerCase(Locale.ROOT)) {
            case "i" -> 1;
            case "ii" -> 2;
            case "iii" -> 3;
            case "iv" -> 4;
            default -> Integer.parseInt(written);
        };
    }

    private static int degree(String word) {
        return switch (word.toLowerCase(Locale.ROOT)) {
            case "well" -> 1;
            case "moderately" -> 2;
            case "poorly" -> 3;
            default -> 4;
        };
    }
}
