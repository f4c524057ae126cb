package org.oncogate.intake.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Derives a strict copy of a Swagger 2.0 document: every object schema that declares
 * {@code properties} gets {@code additionalProperties: false}, so that a field the contract does not
 * name is an error. The official documents leave objects open, yet our contract is "field names
 * exactly as the schema says".
 *
 * <p>An {@code allOf} is flattened first (the properties and required names of its parts merged into
 * the schema, the {@code allOf} removed): closing each part on its own would reject the other parts'
 * fields. A schema that already says {@code additionalProperties} (an open FHIR resource, a map) keeps
 * it, and a polymorphic base ({@code discriminator}) stays open for its subtypes' fields.
 */
final class StrictSchemas {

    private static final String DEFINITIONS_PREFIX = "#/definitions/";

    private StrictSchemas() {
    }

    /** The strict copy: definitions, and the inline schemas of every operation's parameters and responses. */
    static ObjectNode of(JsonNode document) {
        ObjectNode strict = document.deepCopy();
        JsonNode original = document.path("definitions");
        strict.path("definitions").forEach(schema -> close(schema, original));
        for (JsonNode pathItem : strict.path("paths")) {
            for (JsonNode operation : pathItem) {
                operation.path("parameters").forEach(parameter -> close(parameter.get("schema"), original));
                operation.path("responses").forEach(response -> close(response.get("schema"), original));
            }
        }
        return strict;
    }

    private static void close(JsonNode node, JsonNode definitions) {
        if (!(node instanceof ObjectNode schema)) {
            return;
        }
        if (schema.has("allOf")) {
            flattenAllOf(schema, definitions);
        }
        if (schema.has("properties") && !schema.has("additionalProperties") && !schema.has("discriminator")) {
            schema.put("additionalProperties", false);
        }
        schema.path("properties").forEach(property -> close(property, definitions));
        close(schema.get("items"), definitions);
        close(schema.get("additionalProperties"), definitions);
    }

    private static void flattenAllOf(ObjectNode schema, JsonNode definitions) {
        ObjectNode properties = schema.objectNode();
        Set<String> required = new LinkedHashSet<>();
        collect(schema, properties, required, schema, definitions);
        schema.remove("allOf");
        schema.set("properties", properties);
        if (!required.isEmpty()) {
            schema.set("required", schema.arrayNode().addAll(required.stream().map(schema::textNode).toList()));
        }
    }

    /** Parts first, so that a schema's own property overrides the one it inherits. */
    private static void collect(JsonNode node, ObjectNode properties, Set<String> required, ObjectNode target,
            JsonNode definitions) {
        JsonNode schema = resolve(node, definitions);
        schema.path("allOf").forEach(part -> collect(part, properties, required, target, definitions));
        for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
            properties.set(property.getKey(), property.getValue().deepCopy());
        }
        schema.path("required").forEach(name -> required.add(name.asText()));
        if (schema.has("additionalProperties") && !target.has("additionalProperties")) {
            target.set("additionalProperties", schema.get("additionalProperties").deepCopy());
        }
    }

    private static JsonNode resolve(JsonNode schema, JsonNode definitions) {
        String ref = schema.path("$ref").asText("");
        if (!ref.startsWith(DEFINITIONS_PREFIX)) {
            return schema;
        }
        JsonNode target = definitions.get(ref.substring(DEFINITIONS_PREFIX.length()));
        if (target == null) {
            throw new IllegalStateException("unresolved " + ref);
        }
        return target;
    }
}
