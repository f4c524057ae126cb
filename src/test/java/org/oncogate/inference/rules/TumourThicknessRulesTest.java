package org.oncogate.inference.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.oncogate.inference.rules.EngineFixture.evidenceWords;
import static org.oncogate.inference.rules.EngineFixture.inference;
import static org.oncogate.inference.rules.EngineFixture.pathology;
import static org.oncogate.inference.rules.EngineFixture.value;
import static org.oncogate.job.InferenceType.PATHOLOGIC_STAGE_T;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.oncogate.job.PatientResult;

/** Pathologic T of a melanoma of the skin from its Breslow thickness (AJCC 7) when a report writes none. */
class TumourThicknessRulesTest {

    @ParameterizedTest(name = "{1}: {0}")
    @CsvSource(delimiter = ';', value = {
        // T1 <= 1.0 mm < T2 <= 2.0 mm < T3 <= 4.0 mm < T4
        "Skin, back, excision: malignant melanoma, superficial spreading type. Breslow thickness: 0.8 mm.; T1; Breslow thickness: 0.8 mm",
        "Skin of the left arm, excision: malignant melanoma. Breslow depth 1.5 mm, Clark level III.; T2; Breslow depth 1.5 mm",
        "Skin of the scalp: nodular melanoma, ulcerated, Clark level IV. Breslow: 3,2 mm.; T3; Breslow: 3,2 mm",
        // the unit before the number, as a synoptic table writes it
        "Skin, excision: malignant melanoma. Tumour type: nodular. Breslow thickness (mm): 6.50.; T4; Breslow thickness (mm): 6.50",
        "Skin, trunk: malignant melanoma. Maximum tumor thickness (Breslow): 4.5 mm.; T4; Maximum tumor thickness (Breslow): 4.5 mm"})
    void breslowThicknessGivesTheCategory(String text, String category, String evidence) {
        PatientResult result = pathology(text);
        assertThat(value(result, PATHOLOGIC_STAGE_T)).isEqualTo(category);
        assertThat(evidenceWords(text, result, PATHOLOGIC_STAGE_T)).isEqualTo(evidence);
        assertThat(inference(result, PATHOLOGIC_STAGE_T).confidenceScore()).isLessThanOrEqualTo(Confidence.T_FROM_SIZE);
    }

    @ParameterizedTest(name = "{1}: {0}")
    @CsvSource(delimiter = ';', value = {
        // a written T wins
        "Skin, back: malignant melanoma. Breslow thickness: 2.5 mm. Pathologic stage: pT4a.; T4",
        // a melanoma's diameter is no thickness; a number without a unit neither
        "Skin, back, excision: malignant melanoma, 2.5 cm in diameter.; None",
        "Skin, back, excision: malignant melanoma. Breslow level 3.; None",
        // a Breslow thickness only of the skin: an ocular melanoma's is read by no rule here
        "Left eye, enucleation: choroidal melanoma. Breslow thickness 6 mm.; None",
        // another person's melanoma
        "Family history: mother with malignant melanoma, Breslow thickness 3 mm. Skin, back: basal cell carcinoma.; None"})
    void noCategoryFromThickness(String text, String expected) {
        assertThat(value(pathology(text), PATHOLOGIC_STAGE_T)).isEqualTo(expected); // "None" is Inference.NONE
    }
}
