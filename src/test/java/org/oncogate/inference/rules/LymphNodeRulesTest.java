package org.oncogate.inference.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.oncogate.inference.rules.EngineFixture.evidenceWords;
import static org.oncogate.inference.rules.EngineFixture.pathology;
import static org.oncogate.inference.rules.EngineFixture.run;
import static org.oncogate.inference.rules.EngineFixture.value;
import static org.oncogate.job.InferenceType.CLINICAL_STAGE_N;
import static org.oncogate.job.InferenceType.PATHOLOGIC_STAGE_N;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.oncogate.job.ClinicalType;
import org.oncogate.job.Inference;
import org.oncogate.job.JobConfiguration;
import org.oncogate.job.PatientResult;

/** Pathologic N read from lymph node findings when a pathology report writes no TNM. */
class LymphNodeRulesTest {

    @Test
    void aPositiveCountIsNPlus() {
        String text = "Regional nodes: metastatic carcinoma in 2 of 15 lymph nodes.";
        PatientResult result = pathology(text);
        assertThat(value(result, PATHOLOGIC_STAGE_N)).isEqualTo("N+");
        assertThat(evidenceWords(text, result, PATHOLOGIC_STAGE_N)).isEqualTo("2 of 15 lymph nodes");
    }

    @Test
    void negativeNodesAreN0() {
        String text = "Axillary contents: twelve lymph nodes, negative for metastatic carcinoma (0/12).";
        PatientResult result = pathology(text);
        assertThat(value(result, PATHOLOGIC_STAGE_N)).isEqualTo("N0");
        assertThat(evidenceWords(text, result, PATHOLOGIC_STAGE_N)).startsWith("lymph nodes");
    }

    @Test
    void aSemicolonDoesNotEndANodeStatement() {
        // "(6) lymph node; no tumor present" is one statement about the nodes
        String text = "Specimen labeled regional lymph nodes: (6) lymph node; no tumor present.";
        assertThat(value(pathology(text), PATHOLOGIC_STAGE_N)).isEqualTo("N0");
    }

    @Test
    void onePositiveNodeOutranksManyNegativeOnes() {
        String text = "A. Level 4 lymph nodes (0/3). B. Level 7 lymph nodes (0/2). C. Level 10 lymph node, no tumor. "
                + "D. Level 11: metastatic carcinoma in one of three lymph nodes.";
        assertThat(value(pathology(text), PATHOLOGIC_STAGE_N)).isEqualTo("N+");
    }

    @Test
    void writtenTnmOutranksNodeCounts() {
        String text = "Lymph nodes (1/12) with isolated tumor cells only. Stage pT2 pN0(i+).";
        PatientResult result = pathology(text);
        assertThat(value(result, PATHOLOGIC_STAGE_N)).isEqualTo("N0");
        assertThat(evidenceWords(text, result, PATHOLOGIC_STAGE_N)).isEqualTo("pN0(i+)");
    }

    @ParameterizedTest(name = "{1}: {0}")
    @CsvSource(delimiter = ';', value = {
        // synoptic counts, in either order
        "Regional lymph nodes (pN): Number examined: 12. Number involved: 0.; N0; Number examined: 12. Number involved: 0",
        "Lymph nodes: number of lymph nodes positive: 3, number of lymph nodes examined: 14.; N+; number of lymph nodes positive: 3, number of lymph nodes examined: 14",
        // the fraction before the nodes
        "Metastatic papillary carcinoma in 3/10 level III lymph nodes.; N+; in 3/10 level III lymph nodes",
        // a line break shown as a period inside the statement
        "Axillary dissection: no carcinoma identified in 15. lymph nodes.; N0; no carcinoma identified in 15. lymph nodes",
        // benign nodes without a count, and tumour-free nodes as translated reports write them
        "Pelvic lymph nodes, excision: benign lymph nodes.; N0; benign lymph nodes",
        "Omental lymph node, excision: a benign lymph node.; N0; benign lymph node",
        "Rectum: adenocarcinoma with tumor-free lymph nodes (14).; N0; tumor-free lymph nodes",
        "Of the specimen, the lymph nodes examined are tumor-free.; N0; lymph nodes examined are tumor-free",
        // an OCR-damaged word for metastatic
        "Sentinel lymph node, negative for mstastatic carcinoma.; N0; lymph node, negative for mstastatic",
        // a synoptic count of the nodes with metastatic disease, alone or beside the nodes examined
        "Number of lymph nodes examined: 9. Number of lymph nodes with metastatic disease: 3.; N+; "
                + "Number of lymph nodes examined: 9. Number of lymph nodes with metastatic disease: 3",
        "Number of lymph nodes with macrometastases: 0. Number of lymph nodes with micrometastases: 1.; N+; "
                + "Number of lymph nodes with micrometastases: 1",
        // nodes said to hold a metastasis, without a count
        "Left supraclavicular lymph node showing metastatic carcinoma.; N+; lymph node showing metastatic",
        "Metastatic squamous cell carcinoma involving two peribronchial lymph nodes.; N+; "
                + "Metastatic squamous cell carcinoma involving two peribronchial lymph nodes",
        // a specimen part or field on the nodes whose finding is a metastasis
        "Lymph node, left intramammary, excision: Metastatic adenocarcinoma.; N+; Lymph node, left intramammary, excision: Metastatic",
        "Lymph nodes of lesser curvature: Metastasis of adenocarcinoma with capsule perforation: (8/9).; N+; "
                + "Lymph nodes of lesser curvature: Metastasis",
        // a positive count of isolated tumour cells only is pN0(i+)
        "Sentinel biopsy: two of three lymph nodes with isolated tumor cells only.; N0; two of three lymph nodes",
        "Axillary lymph nodes: 1/3, isolated tumor cells.; N0; lymph nodes: 1/3",
        // so are all the counts of a block whose field after them names the metastases isolated tumour cells
        "Sentinel lymph nodes: 1/2. Non-sentinel lymph nodes: 0. Total lymph nodes: 1/2. Type of metastasis: ITC.; N0; "
                + "lymph nodes: 1/2"})
    void countsAndStatementsInOtherLayouts(String text, String expected, String evidence) {
        PatientResult result = pathology(text);
        assertThat(value(result, PATHOLOGIC_STAGE_N)).isEqualTo(expected);
        assertThat(evidenceWords(text, result, PATHOLOGIC_STAGE_N)).isEqualTo(evidence);
    }

    @Test
    void nodesSampledAreNotNodesInvolved() {
        // "two of six lymph nodes are submitted" counts the sampling; the nodes are negative
        String text = "Six lymph nodes are found. Two of six lymph nodes are submitted for frozen section. Lymph nodes (0/6).";
        assertThat(value(pathology(text), PATHOLOGIC_STAGE_N)).isEqualTo("N0");
    }

    @Test
    void aWrittenN0AtTheEndOutranksAPositiveCountBeforeIt() {
        // the negative count before the positive one opens the N0 group: the written pN0 still lifts it
        String text = "A. Pelvic lymph nodes (0/11). B. Two of six lymph nodes with carcinoma. Stage: pT1b NO Mx.";
        PatientResult result = pathology(text);
        assertThat(value(result, PATHOLOGIC_STAGE_N)).isEqualTo("N0");
        assertThat(evidenceWords(text, result, PATHOLOGIC_STAGE_N)).isEqualTo("NO");
    }

    @Test
    void nodeFindingsDoNotAddToAWrittenCategory() {
        // two tumours: pN1 (stated twice) against pN0 once and many negative node statements of the second tumour
        String text = "Larynx: pT4a pN1. Regional lymph nodes (pN): pN1. Thyroid: pT1a pN0. "
                + "Level 2 lymph nodes (0/17). Level 3 lymph nodes (0/5). Level 4 lymph nodes (0/4). Central lymph nodes (0/2).";
        assertThat(value(pathology(text), PATHOLOGIC_STAGE_N)).isEqualTo("N+");
    }

    @Test
    void nodeFindingsCountOnlyInPathologyReports() {
        PatientResult result = run(ClinicalType.PROGRESS, "Prior surgery: lymph nodes (0/12).", JobConfiguration.DEFAULTS);
        assertThat(value(result, PATHOLOGIC_STAGE_N)).isEqualTo(Inference.NONE);
        assertThat(value(result, CLINICAL_STAGE_N)).isEqualTo(Inference.NONE);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        // negated, or a zero count, is not a metastasis in the nodes (a negation before the nodes is not read as N0)
        "Right hilar region: no lymph node shows metastatic carcinoma.; None",
        "Regional nodes: metastatic carcinoma in 0 of 12 lymph nodes.; N0",
        // synoptic labels with a zero, and "number of ... with" without a count, are no positive finding
        "Total number of lymph nodes containing metastatic carcinoma: 0 (0/2).; N0",
        "Number of lymph nodes with macrometastases: 0.; None",
        // a part on the nodes naming a metastasis not found, or none in a count, or a synoptic label
        "Lymph nodes, regional, dissection: metastatic carcinoma not identified.; None",
        "Lymph nodes, axillary, dissection: metastatic carcinoma, 0/14 lymph nodes.; N0",
        "Lymph nodes: Metastases: 0.; None",
        // micrometastases are N1mi, not isolated tumour cells
        "Sentinel lymph nodes: 1/2, micrometastasis (1.5 mm).; N+",
        "Sentinel lymph nodes: 1/2. Total lymph nodes: 1/2. Type of metastasis: macrometastasis.; N+",
        // no lymph nodes at all is NX, not N0: nothing is inferred
        "Kidney, nephrectomy: renal cell carcinoma. No lymph nodes submitted.; None",
        "There are no lymph nodes identified within the adipose tissue. Stage: pT1b pNX.; None"})
    void notAPositiveNodeFinding(String text, String expected) {
        assertThat(value(pathology(text), PATHOLOGIC_STAGE_N)).isEqualTo(expected); // "None" is Inference.NONE
    }

    @Test
    void datesAndStationNamesAreNotCounts() {
        assertThat(value(pathology("Lymph node received 3/18/2019, fixed in formalin."), PATHOLOGIC_STAGE_N))
                .isEqualTo(Inference.NONE);
        assertThat(value(pathology("N1 lymph nodes: number of N1 lymph nodes positive: 0."), PATHOLOGIC_STAGE_N))
                .as("N1 names a lung node station here").isNotEqualTo("N+");
    }
}
