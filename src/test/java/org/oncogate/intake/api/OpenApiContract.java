package org.oncogate.intake.api;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.NonValidationKeyword;
import com.networknt.schema.path.PathType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The job API's contract: a body is checked against the official OpenAPI document of its api-version
 * ({@code src/main/resources/openapi/<version>.json}) by the networknt JSON Schema validator, strictly
 * (see {@link StrictSchemas}: a field the schema does not name is a problem). Bodies only; headers
 * are the API tests' business.
 */
public final class OpenApiContract {

    static final List<String> VERSIONS = List.of("2023-03-01-preview", "2023-09-01-preview");

    /** The job body of a 2xx status for which the document gives no schema (the 2023-03 202). */
    private static final String JOB_RESULT = "/definitions/OncoPhenotypeResult";

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Map<String, JsonNode> DOCUMENTS = new LinkedHashMap<>();
    private static final SchemaRegistry REGISTRY;
    private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

    static {
        Map<String, String> strict = new LinkedHashMap<>();
        for (String version : VERSIONS) {
            JsonNode document = read("/openapi/" + version + ".json");
            DOCUMENTS.put(version, document);
            strict.put(iri(version), StrictSchemas.of(document).toString());
        }
        // Swagger 2.0 schemas are draft 4 plus keywords that do not validate (x-ms-*, readOnly,
        // discriminator) and the document's own members (swagger, info, paths ...): all are ignored.
        Dialect swagger = Dialect.builder(Dialects.getDraft4())
                .unknownKeywordFactory((keyword, context) -> new NonValidationKeyword(keyword))
                .build();
        SchemaRegistryConfig config = SchemaRegistryConfig.builder()
                .pathType(PathType.JSON_PATH)
                .formatAssertionsEnabled(true)
                .build();
        REGISTRY = SchemaRegistry.withDefaultDialect(swagger,
                builder -> builder.schemas(strict).schemaRegistryConfig(config));
    }

    private OpenApiContract() {
    }

    /** Validates a response of the job API. operation: "OncoPhenotype_CreateJob" or "OncoPhenotype_GetJob". */
    public static void assertValidResponse(String apiVersion, String operationId, int status, String body) {
        failOn(responseProblems(apiVersion, operationId, status, body),
                apiVersion + " " + operationId + " " + status + " response");
    }

    /** Validates a request body against the operation's body parameter schema. */
    static void assertValidRequest(String apiVersion, String operationId, String body) {
        failOn(requestProblems(apiVersion, operationId, body), apiVersion + " " + operationId + " request");
    }

    /** Empty when the body is valid; else one line per problem: JSON path, keyword, message. */
    static List<String> responseProblems(String apiVersion, String operationId, int status, String body) {
        return responseSchema(apiVersion, operationId, status)
                .map(schema -> problems(apiVersion, schema, body))
                .orElseGet(() -> List.of("status " + status + " is not a response of " + operationId));
    }

    /** Empty when the request body is valid; else one line per problem, as for responses. */
    static List<String> requestProblems(String apiVersion, String operationId, String body) {
        return problems(apiVersion, requestSchema(apiVersion, operationId), body);
    }

    /**
     * JSON pointer of the schema of a response: the document's own for that status; the job result
     * where the document gives a 2xx no schema; the {@code default} (error envelope) for 4xx and 5xx.
     */
    private static Optional<String> responseSchema(String apiVersion, String operationId, int status) {
        String operation = operation(apiVersion, operationId);
        String key = status >= 400 && status <= 599 ? "default" : Integer.toString(status);
        JsonNode response = DOCUMENTS.get(apiVersion).at(operation + "/responses/" + key);
        if (response.isMissingNode()) {
            return Optional.empty();
        }
        return Optional.of(response.has("schema") ? operation + "/responses/" + key + "/schema" : JOB_RESULT);
    }

    private static String requestSchema(String apiVersion, String operationId) {
        String operation = operation(apiVersion, operationId);
        JsonNode parameters = DOCUMENTS.get(apiVersion).at(operation + "/parameters");
        for (int i = 0; i < parameters.size(); i++) {
            if ("body".equals(parameters.get(i).path("in").asText())) {
                return operation + "/parameters/" + i + "/schema";
            }
        }
        throw new IllegalArgumentException(operationId + " takes no body in " + apiVersion);
    }

    private static List<String> problems(String apiVersion, String schemaPointer, String body) {
        JsonNode instance;
        try {
            instance = MAPPER.readTree(body == null ? "" : body);
        } catch (JsonProcessingException e) {
            // where only: the parser's own message may quote the body
            JsonLocation at = e.getLocation();
            return List.of("$: not JSON" + (at == null ? "" : " at " + at.getLineNr() + ":" + at.getColumnNr()));
        }
        if (instance == null || instance.isMissingNode()) {
            return List.of("$: empty body");
        }
        Schema schema = SCHEMAS.computeIfAbsent(iri(apiVersion) + "#" + schemaPointer,
                location -> REGISTRY.getSchema(SchemaLocation.of(location)));
        return schema.validate(instance).stream().map(OpenApiContract::describe).toList();
    }

    private static String describe(Error error) {
        return error.getInstanceLocation() + " [" + error.getKeyword() + "] " + error.getMessage();
    }

    /** JSON pointer of the operation in the document, e.g. {@code /paths/~1onco-phenotype~1jobs/post}. */
    private static String operation(String apiVersion, String operationId) {
        JsonNode document = DOCUMENTS.get(apiVersion);
        if (document == null) {
            throw new IllegalArgumentException("unknown api-version " + apiVersion);
        }
        for (Entry<String, JsonNode> path : document.path("paths").properties()) {
            for (Entry<String, JsonNode> method : path.getValue().properties()) {
                if (operationId.equals(method.getValue().path("operationId").asText())) {
                    return "/paths/" + path.getKey().replace("~", "~0").replace("/", "~1") + "/" + method.getKey();
                }
            }
        }
        throw new IllegalArgumentException("no operation " + operationId + " in " + apiVersion);
    }

    private static void failOn(List<String> problems, String what) {
        if (!problems.isEmpty()) {
            throw new AssertionError(what + " breaks the contract:\n  " + String.join("\n  ", problems));
        }
    }

    private static String iri(String apiVersion) {
        return "urn:oncogate:openapi:" + apiVersion;
    }

    private static JsonNode read(String resource) {
        try (InputStream in = OpenApiContract.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
