package org.oncogate.intake.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.oncogate.intake.api.OpenApiContract.assertValidRequest;
import static org.oncogate.intake.api.OpenApiContract.assertValidResponse;
import static org.oncogate.intake.api.OpenApiContract.requestProblems;
import static org.oncogate.intake.api.OpenApiContract.responseProblems;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The contract checker against the official examples (MIT, verbatim) and against bodies that break
 * the contract. Each broken body is an official example with one change, so the problems reported
 * are exactly the ones that change causes. A problem reads "path [keyword] message"; the tests
 * compare the "path [keyword]" part, not the library's wording.
 */
class OpenApiContractTest {

    private static final String V03 = "2023-03-01-preview";
    private static final String V09 = "2023-09-01-preview";
    private static final String CREATE = "OncoPhenotype_CreateJob";
    private static final String GET = "OncoPhenotype_GetJob";
    private static final String ERROR = "{\"error\":{\"code\":\"x\",\"message\":\"y\"}}";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    // --- the official examples ---

    @ParameterizedTest
    @ValueSource(strings = {V03, V09})
    void officialGetJobExampleIsValid(String version) {
        assertValidResponse(version, GET, 200, example(version, "Response").at("/responses/200/body").toString());
    }

    @Test
    void officialCreateJobExampleOf2023_09AnswersAValidJobWith202() {
        assertValidResponse(V09, CREATE, 202, example(V09, "Request").at("/responses/202/body").toString());
    }

    /** The 2023-03 example shows no 202 body; ours carries the job (OncoPhenotypeResult), so none is a problem. */
    @Test
    void a2023_03CreateJobAnswerIsCheckedAsAJob() {
        assertThat(example(V03, "Request").at("/responses/202").has("body")).isFalse();
        assertThat(responseProblems(V03, CREATE, 202, "")).containsExactly("$: empty body");
        ObjectNode job = job03();
        job.remove("results");
        assertValidResponse(V03, CREATE, 202, job.put("status", "notStarted").toString());
    }

    /**
     * The 2023-03 request example names the document kind {@code kind} where its schema says
     * {@code type} (the server accepts both), and gives {@code createdDateTime} without the UTC offset
     * that RFC 3339 (format date-time) requires: three problems, and no other.
     */
    @Test
    void officialRequestExampleOf2023_03BreaksItsSchemaExactlyThere() {
        List<String> problems = requestProblems(V03, CREATE, requestBody(V03).toString());
        assertThat(where(problems)).containsExactlyInAnyOrder(
                "$.patients[0].data[0] [additionalProperties]",
                "$.patients[0].data[0] [required]",
                "$.patients[0].data[0].createdDateTime [format]");
        assertThat(problems)
                .anySatisfy(problem -> assertThat(problem).contains("'kind'"))
                .anySatisfy(problem -> assertThat(problem).contains("'type'"));
    }

    /** The 2023-09 request example sends clinicalType {@code imaging}, which that version's enum lacks. */
    @Test
    void officialRequestExampleOf2023_09BreaksItsSchemaExactlyThere() {
        assertThat(where(requestProblems(V09, CREATE, requestBody(V09).toString())))
                .containsExactly("$.patients[0].patientDocuments[1].clinicalType [enum]");
    }

    @Test
    void requestExamplesMendedAtThoseSpotsAreValid() {
        ObjectNode request03 = requestBody(V03);
        ObjectNode document = (ObjectNode) request03.at("/patients/0/data/0");
        document.set("type", document.remove("kind"));
        document.put("createdDateTime", "2022-01-01T00:00:00Z");
        assertValidRequest(V03, CREATE, request03.toString());

        assertValidRequest(V09, CREATE, request09().toString());
    }

    // --- field names exactly as the schema says, at any depth ---

    @Test
    void misspelledPatientResultsFails() {
        ObjectNode job = job09();
        ObjectNode result = (ObjectNode) job.get("result");
        result.set("patientResult", result.remove("patientResults"));
        List<String> problems = responseProblems(V09, GET, 200, job.toString());
        assertThat(where(problems)).containsExactlyInAnyOrder("$.result [additionalProperties]", "$.result [required]");
        assertThat(problems).anySatisfy(problem -> assertThat(problem).contains("'patientResult'"));
    }

    @Test
    void undeclaredFieldDeepInEvidenceFails() {
        ObjectNode job = job09();
        at(job, "/result/patientResults/0/inferences/0/evidence/0/patientDataEvidence").put("page", 1);
        assertThat(where(responseProblems(V09, GET, 200, job.toString()))).containsExactly(
                "$.result.patientResults[0].inferences[0].evidence[0].patientDataEvidence [additionalProperties]");
    }

    /** Fhir.R4.CodeableConcept and Coding are allOf Fhir.R4.Element: their fields and Element's, no other. */
    @Test
    void allOfCompositionsAllowTheFieldsOfEveryPartAndNoOther() {
        ObjectNode request = request09();
        ObjectNode code = at(request, "/patients/0/patientDocuments/0").putObject("administrativeMetadata")
                .putArray("orderedProcedures").addObject().putObject("code");
        code.put("id", "code-1").put("text", "CT chest");
        ObjectNode coding = code.putArray("coding").addObject();
        coding.put("id", "coding-1").put("system", "http://loinc.org").put("code", "24627-2");
        assertValidRequest(V09, CREATE, request.toString());

        coding.put("codeSystem", "loinc");
        assertThat(where(requestProblems(V09, CREATE, request.toString()))).containsExactly(
                "$.patients[0].patientDocuments[0].administrativeMetadata.orderedProcedures[0].code.coding[0]"
                        + " [additionalProperties]");
    }

    // --- types, formats, enums and required fields ---

    @Test
    void numberTakesDecimalsAndIntegerDoesNot() {
        ObjectNode job = job09();
        ObjectNode inference = at(job, "/result/patientResults/0/inferences/0");
        inference.put("confidenceScore", 0.85);
        at(inference, "/evidence/0").put("importance", 1);
        assertValidResponse(V09, GET, 200, job.toString());

        at(inference, "/evidence/0/patientDataEvidence").put("offset", 70.5);
        assertThat(where(responseProblems(V09, GET, 200, job.toString()))).containsExactly(
                "$.result.patientResults[0].inferences[0].evidence[0].patientDataEvidence.offset [type]");
    }

    @Test
    void dateTimeWithoutOffsetFails() {
        ObjectNode job = job09().put("lastUpdateDateTime", "2021-11-26 17:22:27");
        assertThat(where(responseProblems(V09, GET, 200, job.toString())))
                .containsExactly("$.lastUpdateDateTime [format]");
    }

    @ParameterizedTest
    @ValueSource(strings = {V03, V09})
    void unknownStatusFails(String version) {
        ObjectNode job = (V03.equals(version) ? job03() : job09()).put("status", "done");
        assertThat(where(responseProblems(version, GET, 200, job.toString()))).containsExactly("$.status [enum]");
    }

    @Test
    void partiallyCompletedExistsOnlyIn2023_03() {
        assertValidResponse(V03, GET, 200, job03().put("status", "partiallyCompleted").toString());
        assertThat(where(responseProblems(V09, GET, 200, job09().put("status", "partiallyCompleted").toString())))
                .containsExactly("$.status [enum]");
    }

    @Test
    void canceledExistsOnlyIn2023_09() {
        assertValidResponse(V09, GET, 200, job09().put("status", "canceled").toString());
        assertThat(where(responseProblems(V03, GET, 200, job03().put("status", "canceled").toString())))
                .containsExactly("$.status [enum]");
    }

    @Test
    void diagnosisDateExistsOnlyIn2023_09() {
        ObjectNode job09 = job09();
        at(job09, "/result/patientResults/0/inferences/0").put("type", "diagnosisDate");
        assertValidResponse(V09, GET, 200, job09.toString());

        ObjectNode job03 = job03();
        at(job03, "/results/patients/0/inferences/0").put("type", "diagnosisDate");
        assertThat(where(responseProblems(V03, GET, 200, job03.toString())))
                .containsExactly("$.results.patients[0].inferences[0].type [enum]");
    }

    @Test
    void a2023_09JobFailsAgainst2023_03() {
        List<String> problems = responseProblems(V03, GET, 200, job09().toString());
        assertThat(where(problems)).contains("$ [additionalProperties]", "$ [required]");
        assertThat(problems)
                .anySatisfy(problem -> assertThat(problem).contains("'id'"))
                .anySatisfy(problem -> assertThat(problem).contains("'result'"))
                .anySatisfy(problem -> assertThat(problem).contains("'jobId'"));
    }

    // --- errors and statuses ---

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 404, 409, 413, 429, 500, 503})
    void errorEnvelopeIsTheBodyOfEvery4xxAnd5xx(int status) {
        for (String version : OpenApiContract.VERSIONS) {
            assertValidResponse(version, CREATE, status, ERROR);
            assertValidResponse(version, GET, status, ERROR);
        }
    }

    @Test
    void errorWithoutMessageFails() {
        List<String> problems = responseProblems(V09, GET, 400, "{\"error\":{\"code\":\"x\"}}");
        assertThat(where(problems)).containsExactly("$.error [required]");
        assertThat(problems.get(0)).contains("'message'");
    }

    @Test
    void assertionListsEveryProblem() {
        assertThatThrownBy(() -> assertValidResponse(V09, GET, 400, "{\"error\":{\"code\":1},\"extra\":true}"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("$.error.code [type]")
                .hasMessageContaining("$.error [required]")
                .hasMessageContaining("$ [additionalProperties]");
    }

    @Test
    void statusTheOperationDoesNotAnswerAndBodiesThatAreNotJsonFail() {
        assertThat(responseProblems(V09, CREATE, 200, job09().toString()))
                .containsExactly("status 200 is not a response of " + CREATE);
        assertThat(responseProblems(V09, GET, 200, "{\"id\":")).singleElement()
                .satisfies(problem -> assertThat(problem).startsWith("$: not JSON"));
    }

    // --- the copies are the official ones ---

    @ParameterizedTest
    @ValueSource(strings = {"/openapi/", "/onco-phenotype-examples/"})
    void copiesAreByteIdenticalToTheirSourceEntries(String folder) throws IOException {
        String source = new String(bytes(folder + "SOURCE.md"), StandardCharsets.UTF_8);
        Matcher row = Pattern.compile("(?m)^\\| `([^`]+)` \\|.*\\| `([0-9a-f]{64})` \\|$").matcher(source);
        int rows = 0;
        while (row.find()) {
            assertThat(sha256(bytes(folder + row.group(1)))).as(row.group(1)).isEqualTo(row.group(2));
            rows++;
        }
        assertThat(rows).isEqualTo(folder.equals("/openapi/") ? 2 : 4);
    }

    // --- helpers ---

    /** The "path [keyword]" part of each problem. */
    private static List<String> where(List<String> problems) {
        return problems.stream()
                .map(problem -> problem.substring(0, problem.indexOf(']', problem.indexOf(" [")) + 1))
                .toList();
    }

    private static ObjectNode job03() {
        return at(example(V03, "Response"), "/responses/200/body");
    }

    private static ObjectNode job09() {
        return at(example(V09, "Response"), "/responses/200/body");
    }

    private static ObjectNode requestBody(String version) {
        return at(example(version, "Request"), "/parameters/body");
    }

    /** The 2023-09 request example with a clinical type of its version's enum in place of {@code imaging}. */
    private static ObjectNode request09() {
        ObjectNode request = requestBody(V09);
        at(request, "/patients/0/patientDocuments/1").put("clinicalType", "radiologyReport");
        return request;
    }

    private static ObjectNode at(JsonNode node, String pointer) {
        return (ObjectNode) node.at(pointer);
    }

    private static JsonNode example(String version, String kind) {
        try {
            String name = "/onco-phenotype-examples/" + version + "/SuccessfulOncoPhenotype" + kind + ".json";
            return MAPPER.readTree(bytes(name));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(String resource) throws IOException {
        try (InputStream in = OpenApiContractTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return in.readAllBytes();
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
