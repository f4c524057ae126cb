package org.oncogate.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Random;
import org.oncogate.testing.PhiCanary;

/**
 * Onco-Phenotype 2023-09-01-preview requests for the benchmark: one synthetic patient with one
 * pathology report of about 2,000 characters (gross and microscopic description, histology, margins,
 * lymph nodes, pTNM), varied per job by a seed. No real patient: names are the PHI canary.
 */
final class SyntheticJobRequest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** An organ's wording; its three pT values are for tumors under 2 cm, under 3.5 cm and larger. */
    private record Organ(String specimen, String procedure, String histology, List<String> grades, String extension,
            List<String> stations, List<String> pT) {
    }

    private static final List<Organ> ORGANS = List.of(
            new Organ("Right upper lobe of lung", "lobectomy", "Invasive adenocarcinoma of the lung, acinar predominant",
                    List.of("well differentiated", "moderately differentiated", "poorly differentiated"),
                    "Visceral pleura is not invaded; the bronchial margin is free of tumor",
                    List.of("hilar", "peribronchial", "subcarinal (station 7)"), List.of("pT1b", "pT1c", "pT2a")),
            new Organ("Left breast", "segmental mastectomy", "Invasive ductal carcinoma of the breast, no special type",
                    List.of("Nottingham grade 1", "Nottingham grade 2", "Nottingham grade 3"),
                    "Ductal carcinoma in situ, solid type, accompanies the invasive tumor; skin and nipple are uninvolved",
                    List.of("sentinel axillary", "axillary"), List.of("pT1b", "pT1c", "pT2")),
            new Organ("Sigmoid colon", "sigmoid colectomy", "Adenocarcinoma of the colon, conventional type",
                    List.of("low grade", "low grade", "high grade"),
                    "Tumor invades through the muscularis propria into pericolorectal tissue; serosa is not involved",
                    List.of("pericolic", "mesenteric"), List.of("pT2", "pT3", "pT3")));

    private SyntheticJobRequest() {
    }

    /** The request of job number {@code n}: the same n always gives the same bytes. */
    static String json(int n) {
        String text = note(n);
        Random random = new Random(n);
        ObjectNode request = JSON.createObjectNode();
        ObjectNode patient = request.putArray("patients").addObject();
        patient.put("id", "BENCH-%06d".formatted(n));
        patient.putObject("info").put("sex", random.nextBoolean() ? "female" : "male")
                .put("birthDate", "19%02d-%02d-%02d".formatted(40 + random.nextInt(45), 1 + random.nextInt(12), 1 + random.nextInt(28)));
        ObjectNode document = patient.putArray("patientDocuments").addObject();
        document.put("type", "note").put("clinicalType", "pathologyReport").put("id", "S-BENCH-%06d".formatted(n))
                .put("language", "en")
                .put("createdDateTime", Instant.parse("2026-11-01T08:00:00Z").plus(n, ChronoUnit.MINUTES).toString());
        document.putObject("content").put("sourceType", "inline").put("value", text);
        request.putObject("configuration").put("checkForCancerCase", false).put("includeEvidence", true).put("verbose", false);
        try {
            return JSON.writeValueAsString(request);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The pathology report of job number {@code n}. */
    static String note(int n) {
        Random random = new Random(n);
        Organ organ = ORGANS.get(random.nextInt(ORGANS.size()));
        double size = 0.8 + random.nextInt(40) / 10.0;
        int examined = 6 + random.nextInt(14);
        int positive = random.nextInt(4) == 0 ? 1 + random.nextInt(3) : 0;
        String station = organ.stations().get(random.nextInt(organ.stations().size()));
        String grade = organ.grades().get(random.nextInt(organ.grades().size()));
        String pT = organ.pT().get(size < 2 ? 0 : size < 3.5 ? 1 : 2);
        String pN = positive == 0 ? "pN0" : positive < 3 ? "pN1" : "pN2";
        return String.join("\n",
                "SURGICAL PATHOLOGY REPORT",
                PhiCanary.patientLine() + " Accession S-BENCH-%06d.".formatted(n),
                "Clinical history: mass found on imaging, referred for resection. No prior treatment.",
                "",
                "SPECIMEN: %s, %s.".formatted(organ.specimen(), organ.procedure()),
                "",
                "GROSS DESCRIPTION: Received fresh and labelled with the patient's name is a %s specimen measuring "
                        .formatted(organ.procedure())
                        + "%.1f x %.1f x %.1f cm. Serial sectioning reveals a firm, tan-white, ill-defined mass measuring "
                                .formatted(size + 6, size + 4, size + 2)
                        + "%.1f cm in greatest dimension. The closest margin is %d mm from the tumor. ".formatted(size, 3 + random.nextInt(20))
                        + "Representative sections are submitted in %d cassettes.".formatted(8 + random.nextInt(10)),
                "",
                "INTRAOPERATIVE CONSULTATION: frozen section of the lesion shows malignant cells, carcinoma; the "
                        + "margin frozen section is negative. Final diagnosis deferred to permanent sections. "
                        + "Result communicated to the operating surgeon %d minutes after receipt.".formatted(12 + random.nextInt(15)),
                "",
                "MICROSCOPIC DESCRIPTION: Sections show an infiltrating malignant epithelial neoplasm forming glands "
                        + "and nests with desmoplastic stroma. Lymphovascular invasion is %s. Perineural invasion is not identified. "
                                .formatted(random.nextBoolean() ? "present" : "not identified")
                        + "The background tissue shows no other significant abnormality.",
                "",
                "DIAGNOSIS:",
                "- Histologic type: %s.".formatted(organ.histology()),
                "- Histologic grade: %s.".formatted(grade),
                "- Tumor size: %.1f cm.".formatted(size),
                "- Extent: %s.".formatted(organ.extension()),
                "- Margins: all margins negative for invasive carcinoma.",
                "- Lymph nodes: %d of %d %s lymph nodes with metastatic carcinoma.".formatted(positive, examined, station),
                "- Distant metastasis: not applicable.",
                "- Ancillary studies: block A%d is selected for biomarker and molecular testing; results will be "
                        .formatted(3 + random.nextInt(6))
                        + "issued in an addendum.",
                "",
                "PATHOLOGIC STAGE (AJCC 8th edition): %s %s pMX.".formatted(pT, pN),
                "",
                "COMMENT: Immunohistochemical stains were reviewed with appropriate controls and support the diagnosis. "
                        + "The findings were discussed with the surgical team. Case reviewed at the intradepartmental "
                        + "consensus conference; the reviewing pathologists agree with the diagnosis and stage.",
                "Electronically signed out by the attending pathologist.");
    }
}
