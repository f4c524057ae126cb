package org.oncogate.inference.rules;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.oncogate.job.Inference;
import org.oncogate.job.InferenceEvidence;
import org.oncogate.job.InferenceType;

/**
 * The subcategory of a chosen T, N or M category as its strongest evidence writes it: {@code pT1b(m)}
 * gives T1b, {@code pN2a} N2a, {@code M1c} M1c, {@code pT1mi} T1mi; a category written without one gives
 * the category's own digit ({@code pN2} gives N2, where the category is N+). Evidence that is not a
 * written category (a lymph node count, a tumour size) gives None: the rules do not subdivide from those.
 */
final class TnmSubcategory {

    private static final Pattern WRITTEN = Pattern.compile(
            "(?<axis>[TNM])\\s?(?<value>[iI][sS]|[0-4]|[Oo]|[lI])(?<sub>[a-dA-D][1-3]?|mi)?");
    static final Map<InferenceType, InferenceType> OF = Map.of(
            InferenceType.CLINICAL_STAGE_T_SUBCATEGORY, InferenceType.CLINICAL_STAGE_T,
            InferenceType.CLINICAL_STAGE_N_SUBCATEGORY, InferenceType.CLINICAL_STAGE_N,
            InferenceType.CLINICAL_STAGE_M_SUBCATEGORY, InferenceType.CLINICAL_STAGE_M,
            InferenceType.PATHOLOGIC_STAGE_T_SUBCATEGORY, InferenceType.PATHOLOGIC_STAGE_T,
            InferenceType.PATHOLOGIC_STAGE_N_SUBCATEGORY, InferenceType.PATHOLOGIC_STAGE_N,
            InferenceType.PATHOLOGIC_STAGE_M_SUBCATEGORY, InferenceType.PATHOLOGIC_STAGE_M);

    private TnmSubcategory() {
    }

    /** The subcategory inference of {@code type} from the inference of its category. */
    static Inference of(InferenceType type, Inference category) {
        List<InferenceEvidence> evidence = category.evidence();
        if (category.isNone() || evidence == null || evidence.isEmpty()) {
            return Inference.none(type);
        }
        InferenceEvidence strongest = evidence.get(0);
        char axis = category.value().charAt(0);
        Matcher written = WRITTEN.matcher(strongest.patientDataEvidence().text());
        while (written.find()) {
            if (written.group("axis").charAt(0) == axis) {
                String value = axis + digit(written.group("value"))
                        + (written.group("sub") == null ? "" : written.group("sub").toLowerCase(Locale.ROOT));
                return new Inference(type, value, null, category.confidenceScore(), List.of(strongest), null);
            }
        }
        return Inference.none(type);
    }

    private static String digit(String written) {
        return switch (written) {
            case "O", "o" -> "0";
            case "l", "I" -> "1";
            case "IS", "Is", "iS" -> "is";
            default -> written;
        };
    }
}
