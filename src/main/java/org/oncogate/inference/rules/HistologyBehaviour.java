package org.oncogate.inference.rules;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.oncogate.job.Inference;
import org.oncogate.job.InferenceEvidence;
import org.oncogate.job.InferenceType;

/**
 * The ICD-O-3 behaviour of the chosen histology, so that the two never disagree: the digit after the
 * slash where the strongest evidence is a written code ({@code 8500/3}), otherwise the behaviour of the
 * morphology lexicon's entry the histology was named by (each 4-digit code's entries have distinct
 * descriptions: 8500/2 "Intraductal carcinoma, noninfiltrating, NOS", 8500/3 "Infiltrating duct carcinoma, NOS").
 */
final class HistologyBehaviour {

    private static final Pattern WRITTEN = Pattern.compile("[89]\\d{3}\\s?/\\s?(?<behaviour>[0-9])");
    private static final Map<String, String> DESCRIPTIONS = Map.of(
            "0", "Benign", "1", "Uncertain whether benign or malignant", "2", "In situ", "3", "Malignant, primary site",
            "6", "Malignant, metastatic site", "9", "Malignant, uncertain whether primary or metastatic");

    /** Behaviour digit by 4-digit code and description. */
    private final Map<String, String> byEntry;

    HistologyBehaviour(Lexicon morphology) {
        this.byEntry = morphology.entries().stream().collect(Collectors.toMap(
                e -> key(e.code().substring(0, 4), e.description()), e -> e.code().substring(5)));
    }

    Inference of(Inference histology) {
        List<InferenceEvidence> evidence = histology.evidence();
        if (histology.isNone() || evidence == null || evidence.isEmpty()) {
            return Inference.none(InferenceType.TUMOR_BEHAVIOR);
        }
        InferenceEvidence strongest = evidence.get(0);
        Matcher written = WRITTEN.matcher(strongest.patientDataEvidence().text());
        Optional<String> behaviour = written.find() ? Optional.of(written.group("behaviour"))
                : Optional.ofNullable(byEntry.get(key(histology.value(), histology.description())));
        return behaviour.filter(DESCRIPTIONS::containsKey)
                .map(b -> new Inference(InferenceType.TUMOR_BEHAVIOR, b, DESCRIPTIONS.get(b), histology.confidenceScore(),
                        List.of(strongest), null))
                .orElse(Inference.none(InferenceType.TUMOR_BEHAVIOR));
    }

    private static String key(String code, String description) {
        return code + "\n" + description;
    }
}
