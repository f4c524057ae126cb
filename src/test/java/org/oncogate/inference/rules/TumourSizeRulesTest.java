package org.oncogate.inference.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.oncogate.inference.rules.EngineFixture.evidenceWords;
import static org.oncogate.inference.rules.EngineFixture.inference;
import static org.oncogate.inference.rules.EngineFixture.pathology;
import static org.oncogate.inference.rules.EngineFixture.value;
import static org.oncogate.job.InferenceType.PATHOLOGIC_STAGE_T;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.oncogate.job.Inference;
import org.oncogate.job.PatientResult;

/** Pathologic T from the tumour's size (AJCC 7) when a report writes none: breast, lung, thyroid and kidney only. */
class TumourSizeRulesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        // breast: T1 <= 2 cm < T2 <= 5 cm < T3
        "Breast, mastectomy: invasive ductal carcinoma. Tumor size: 2.5 x 1.0 x 0.8 cm.; T2; Tumor size: 2.5 x 1.0 x 0.8 cm",
        "Breast, lumpectomy: invasive lobular carcinoma. Greatest dimension of invasive carcinoma: 18 mm.; T1; Greatest dimension of invasive carcinoma: 18 mm",
        "Left breast: invasive ductal carcinoma (6.1 cm).; T3; carcinoma (6.1 cm",
        "Breast: invasive ductal carcinoma, 3.1 cm, poorly differentiated.; T2; carcinoma, 3.1 cm",
        "Breast: invasive lobular carcinoma. Tumor size (greatest dimension): 2.5 cm.; T2; Tumor size (greatest dimension): 2.5 cm",
        // lung: T1 <= 3 cm < T2 <= 7 cm < T3
        "Right upper lobe, lobectomy: adenocarcinoma forming a 3.5 x 3.0 x 3.0 cm mass.; T2; 3.5 x 3.0 x 3.0 cm mass",
        "Left lower lobe: squamous cell carcinoma. The tumor measures 2.4 cm.; T1; tumor measures 2.4 cm",
        // thyroid: T1 <= 2 cm < T2 <= 4 cm < T3
        "Thyroid, total thyroidectomy: papillary thyroid carcinoma. Tumor size: 4.5 cm.; T3; Tumor size: 4.5 cm",
        // the part of the gland named inside the synoptic field
        "Thyroid: papillary carcinoma. Tumor size: left lobe: 4.3 cm, isthmus: 1.1 cm.; T3; Tumor size: left lobe: 4.3 cm",
        // kidney, confined to it: T1 <= 7 cm < T2
        "Kidney, nephrectomy: clear cell renal cell carcinoma. Tumor size: 4.0 cm.; T1; Tumor size: 4.0 cm",
        "Kidney: renal cell carcinoma. The tumor greatest diameter is 2.1 cm.; T1; greatest diameter is 2.1 cm",
        "Kidney, nephrectomy: clear cell renal cell carcinoma, confined to the kidney. The tumor measures 9.5 cm.; T2; tumor measures 9.5 cm",
        // a line break shown as a period between the size and the tumour it measures
        "Kidney, nephrectomy: renal cell carcinoma, a 3.1 x 2.0 x 1.8 cm. mass in the lower pole.; T1; 3.1 x 2.0 x 1.8 cm. mass",
        // the tumour, a few words on where or what it is, then its size
        "Breast, mastectomy: infiltrating duct carcinoma. A firm lesion at 3 o'clock measuring 2.6 x 2.1 x 1.9 cm.; T2; "
                + "lesion at 3 o'clock measuring 2.6 x 2.1 x 1.9 cm"})
    void sizeGivesTheCategory(String text, String category, String evidence) {
        PatientResult result = pathology(text);
        assertThat(value(result, PATHOLOGIC_STAGE_T)).isEqualTo(category);
        assertThat(evidenceWords(text, result, PATHOLOGIC_STAGE_T)).isEqualTo(evidence);
        assertThat(inference(result, PATHOLOGIC_STAGE_T).confidenceScore()).isLessThanOrEqualTo(Confidence.T_FROM_SIZE);
    }

    @Test
    void theLargestOfSeveralTumoursDecides() {
        String text = "Breast: invasive ductal carcinoma, two foci. Tumor size: 1.2 cm. Second focus: tumor size 2.6 cm.";
        assertThat(value(pathology(text), PATHOLOGIC_STAGE_T)).isEqualTo("T2");
    }

    @Test
    void aWrittenCategoryWins() {
        // the report says pT1c although the size alone would give T2
        String text = "Breast: invasive ductal carcinoma. Tumor size: 2.5 cm. Pathologic stage: pT1c pN0.";
        assertThat(value(pathology(text), PATHOLOGIC_STAGE_T)).isEqualTo("T1");
    }

    @Test
    void noSizeRuleWithoutAMalignancyOrForOtherSites() {
        // a benign breast lesion; a liver, whose T depends on vascular invasion and number; a specimen's size, not a tumour's
        assertThat(value(pathology("Breast: fibroadenoma. Tumor size: 2.5 cm."), PATHOLOGIC_STAGE_T)).isEqualTo(Inference.NONE);
        assertThat(value(pathology("Liver: hepatocellular carcinoma. Tumor size: 4.0 cm."), PATHOLOGIC_STAGE_T))
                .isEqualTo(Inference.NONE);
        assertThat(value(pathology("Breast: invasive ductal carcinoma. The specimen measures 12 x 8 x 3 cm."), PATHOLOGIC_STAGE_T))
                .isEqualTo(Inference.NONE);
        // a sentence ending in a specimen's size, then one on the tumour (an upper-case word after the period)
        assertThat(value(pathology("Kidney: renal cell carcinoma. The kidney measures 12.0 cm. Mass is present in the upper pole."),
                PATHOLOGIC_STAGE_T)).isEqualTo(Inference.NONE);
        // a size after "measuring" that belongs to what the tumour is with, or where it is measured from
        assertThat(value(pathology("Lung, lobectomy: adenocarcinoma. Tumor with lymph nodes measuring 9 cm in aggregate."),
                PATHOLOGIC_STAGE_T)).isEqualTo(Inference.NONE);
        assertThat(value(pathology("Breast: invasive ductal carcinoma. Tumor 1 cm from the margin, the specimen measuring 14 cm."),
                PATHOLOGIC_STAGE_T)).isEqualTo(Inference.NONE);
        // a distance from the tumour is no size of it
        assertThat(value(pathology("Breast: invasive ductal carcinoma, 0.5 cm from the deep margin."), PATHOLOGIC_STAGE_T))
                .isEqualTo(Inference.NONE);
    }
}
