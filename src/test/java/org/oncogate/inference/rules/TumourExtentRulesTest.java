package org.oncogate.inference.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.oncogate.inference.rules.EngineFixture.evidenceWords;
import static org.oncogate.inference.rules.EngineFixture.inference;
import static org.oncogate.inference.rules.EngineFixture.pathology;
import static org.oncogate.inference.rules.EngineFixture.run;
import static org.oncogate.inference.rules.EngineFixture.value;
import static org.oncogate.job.InferenceType.PATHOLOGIC_STAGE_T;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.oncogate.job.ClinicalType;
import org.oncogate.job.Inference;
import org.oncogate.job.JobConfiguration;
import org.oncogate.job.PatientResult;

/** Pathologic T from the tumour's stated extent (AJCC 7) when a report writes none, per site. */
class TumourExtentRulesTest {

    @ParameterizedTest(name = "{1}: {0}")
    @CsvSource(delimiter = ';', value = {
        // colon: muscularis propria T2, through it into pericolic fat T3, visceral peritoneum T4
        "Sigmoid colon, resection: adenocarcinoma. The tumor invades the muscularis propria.; T2; invades the muscularis propria",
        "Sigmoid colon, resection: adenocarcinoma invading through the muscularis propria into pericolic fat.; T3; into pericolic",
        "Sigmoid colon: adenocarcinoma. Tumor extent: involves the visceral peritoneum.; T4; extent: involves the visceral peritoneum",
        // stomach: synoptic extent
        "Stomach, gastrectomy: adenocarcinoma. Tumor extent: Subserosa.; T3; extent: Subserosa",
        "Stomach, gastrectomy: adenocarcinoma. Extent of invasion: Muscularis propria.; T2; Extent of invasion: Muscularis propria",
        // kidney: perinephric fat or renal vein T3, even when small
        "Kidney, nephrectomy: clear cell renal cell carcinoma, 3.0 cm. The tumor extends into perinephric fat.; T3; extends into perinephric",
        // a line break shown as a period inside the words between the verb and the tissue
        "Kidney: renal cell carcinoma, 3.0 cm, extending into small. vessels of the renal sinus.; T3; "
                + "into small. vessels of the renal sinus",
        // urinary bladder
        "Urinary bladder, cystectomy: urothelial carcinoma invading the muscularis propria.; T2; invading the muscularis propria",
        "Urinary bladder, cystectomy: urothelial carcinoma with invasion into perivesical fat.; T3; invasion into perivesical",
        // lung: visceral pleura makes a small tumour T2
        "Right upper lobe, lobectomy: adenocarcinoma, 2.0 cm, invading the visceral pleura.; T2; invading the visceral pleura",
        // oesophagus, pancreas, endometrium
        "Esophagus, esophagectomy: adenocarcinoma invading into the adventitia.; T3; invading into the adventitia",
        "Pancreas, Whipple resection: ductal adenocarcinoma extending into peripancreatic soft tissue.; T3; extending into peripancreatic",
        "Endometrium, hysterectomy: endometrioid adenocarcinoma invading the cervical stroma.; T2; invading the cervical stroma",
        // testis: confined to it is T1, also across a line break shown as a period; vascular invasion makes T2
        "Testis, orchiectomy: seminoma, 3 cm, limited to. the testis.; T1; limited to. the testis",
        "Testis, orchiectomy: seminoma. Lymphovascular invasion: present.; T2; Lymphovascular invasion: present",
        // thyroid and prostate: synoptic answers
        "Thyroid: papillary thyroid carcinoma, 1.5 cm. Extrathyroidal extension: present.; T3; Extrathyroidal extension: present",
        // thyroid: a carcinoma into the soft tissue or strap muscle around the gland is minimal extrathyroidal extension (T3)
        "Thyroid: papillary carcinoma, 1.5 cm, invading the surrounding. soft tissue.; T3; invading the surrounding. soft tissue",
        "Thyroid: papillary carcinoma, 1.2 cm, invading skeletal muscle.; T3; invading skeletal muscle",
        "Prostate, radical prostatectomy: adenocarcinoma. Extraprostatic extension: present.; T3; Extraprostatic extension: present"})
    void extentGivesTheCategory(String text, String category, String evidence) {
        PatientResult result = pathology(text);
        assertThat(value(result, PATHOLOGIC_STAGE_T)).isEqualTo(category);
        assertThat(evidenceWords(text, result, PATHOLOGIC_STAGE_T)).isEqualTo(evidence);
        assertThat(inference(result, PATHOLOGIC_STAGE_T).confidenceScore()).isLessThanOrEqualTo(Confidence.T_FROM_EXTENT);
    }

    @Test
    void theDeepestFindingAndTheLargerOfSizeAndExtentDecide() {
        // submucosa (T1) and muscularis propria (T2) both named: the deeper decides
        assertThat(value(pathology("Colon: adenocarcinoma invading the submucosa. It extends into the muscularis propria."),
                PATHOLOGIC_STAGE_T))
                .isEqualTo("T2");
        // a 9 cm kidney tumour (T2 by size) into the renal sinus (T3 by extent)
        assertThat(value(pathology("Kidney: clear cell renal cell carcinoma, tumor size: 9 cm, invading the renal sinus fat."),
                PATHOLOGIC_STAGE_T)).isEqualTo("T3");
        // an 8 cm lung tumour (T3 by size) invading the visceral pleura (T2 by extent)
        assertThat(value(pathology("Left lower lobe: squamous cell carcinoma, tumor size: 8 cm, invading the visceral pleura."),
                PATHOLOGIC_STAGE_T)).isEqualTo("T3");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        // negated findings leave the size (here 4 cm: T1) to decide
        "Kidney: clear cell renal cell carcinoma, tumor size: 4 cm. No invasion of the renal vein is identified.",
        "Kidney: clear cell renal cell carcinoma, tumor size: 4 cm. The tumor does not extend into perinephric fat.",
        "Kidney: clear cell renal cell carcinoma, tumor size: 4 cm. Renal vein invasion: not identified.",
        "Kidney: clear cell renal cell carcinoma, tumor size: 4 cm. Perinephric fat invasion: no.",
        // a line break shown as a period inside the sentence does not end the negation
        "Kidney: clear cell renal cell carcinoma, tumor size: 4 cm. The tumor does not. invade into the perinephric fat.",
        // a period before an upper-case word ends the sentence: the next one is no tissue invaded
        "Kidney: clear cell renal cell carcinoma, tumor size: 4 cm. Lymphovascular invasion: not identified. Perinephric fat: uninvolved.",
        // thyroid (1.5 cm: T1): a negated invasion, and a lymph node's extranodal extension into soft tissue
        "Thyroid: papillary carcinoma, tumor size: 1.5 cm. The tumor does not invade the surrounding soft tissue.",
        "Thyroid: papillary carcinoma, tumor size: 1.5 cm. Metastatic carcinoma in 2 of 5 lymph nodes with extranodal extension into soft tissue."})
    void negatedFindingsDoNotCount(String text) {
        assertThat(value(pathology(text), PATHOLOGIC_STAGE_T)).isEqualTo("T1");
    }

    @Test
    void noExtentRuleWhenTIsWrittenWithoutAMalignancyOrOutsidePathology() {
        // the written T wins over the extent
        assertThat(value(pathology("Colon: adenocarcinoma invading the muscularis propria. Stage: pT3 pN0."), PATHOLOGIC_STAGE_T))
                .isEqualTo("T3");
        // an adenoma is no malignancy; a site without extent rules (liver); an imaging report is not read for extent
        for (String text : List.of("Colon: tubular adenoma invading the muscularis propria.",
                "Liver: hepatocellular carcinoma invading the muscularis propria of the gallbladder.")) {
            assertThat(value(pathology(text), PATHOLOGIC_STAGE_T)).as(text).isEqualTo(Inference.NONE);
        }
        PatientResult imaging = run(ClinicalType.RADIOLOGY_REPORT,
                "Colon: adenocarcinoma, the mass appears to invade the muscularis propria.", JobConfiguration.DEFAULTS);
        assertThat(value(imaging, PATHOLOGIC_STAGE_T)).isEqualTo(Inference.NONE);
    }

    @Test
    void theRulesFileIsChecked() {
        // a rule must start at a word boundary (it is tried only where a word starts) and use defined parts only
        assertThatThrownBy(() -> TByExtent.of(List.of("C18\tT2\tmuscularis\\s+propria")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("word boundary");
        assertThatThrownBy(() -> TByExtent.of(List.of("C18\tT2\t{undefined}muscularis")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("undefined part");
        TByExtent rules = TByExtent.of(List.of("@into\t\\binto\\s+(?:the\\s+)?", "C18\tT2\t{into}muscularis\\s+propria"));
        assertThat(rules.find("C18", "Tumor grows into the muscularis propria.")).extracting(TByExtent.Finding::category)
                .containsExactly("T2");
        assertThat(rules.find("C18", "Tumor grows pinto the muscularis propria.")).as("not inside a word").isEmpty();
    }
}
