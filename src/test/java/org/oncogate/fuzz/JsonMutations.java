package org.oncogate.fuzz;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamWriteConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.oncogate.testing.PhiCanary;

/**
 * Structure-aware generators for JSON bodies (job requests now, FHIR resources later): a seed's
 * tree with 1 to 6 of its values removed, retyped (null, numbers, booleans, empty or huge strings,
 * arrays, objects), duplicated or nested deep; mixed with the byte-level {@link Mutations}, which
 * mostly make JSON that does not parse.
 */
public final class JsonMutations {

    /** Writes deeper trees than a reader takes by default (1,000 levels), to see them refused. */
    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamWriteConstraints(StreamWriteConstraints.builder().maxNestingDepth(100_000).build()).build());
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonMutations() {
    }

    /** Tree mutations of the seeds, and byte mutations of them. */
    public static Arbitrary<byte[]> of(List<FuzzCorpus.Seed> seeds) {
        List<JsonNode> trees = seeds.stream().map(JsonMutations::parse).toList();
        Arbitrary<Double> fraction = Arbitraries.doubles().between(0, 1);
        Arbitrary<Edit> edit = Combinators.combine(Arbitraries.of(Kind.class), fraction).as(Edit::new);
        Arbitrary<byte[]> edited = Combinators.combine(Arbitraries.of(trees), edit.list().ofMinSize(1).ofMaxSize(6))
                .as((tree, edits) -> {
                    JsonNode copy = tree.deepCopy();
                    boolean nested = false;
                    for (Edit e : edits) {
                        // one deep nesting per body: each adds 1,100 levels, and several in a row (6,600)
                        // overflowed this harness's own recursive copy, not the gateway
                        if (e.kind() == Kind.DEEP_NESTING && nested) {
                            continue;
                        }
                        nested |= e.kind() == Kind.DEEP_NESTING;
                        copy = e.apply(copy);
                    }
                    return write(copy);
                });
        return Arbitraries.frequencyOf(Tuple.of(3, edited), Tuple.of(2, Mutations.of(seeds, 2048)));
    }

    enum Kind { REMOVE, NULL, EMPTY_STRING, LONG_STRING, CANARY_STRING, CONTROL_STRING, NEGATIVE, HUGE_NUMBER, FRACTION,
        TRUE, EMPTY_ARRAY, EMPTY_OBJECT, DUPLICATE, WRAP_IN_ARRAY, DEEP_NESTING }

    /** One edit at the value found {@code at} (a fraction) along the tree's values in document order. */
    record Edit(Kind kind, double at) {

        JsonNode apply(JsonNode root) {
            List<Slot> slots = new ArrayList<>();
            collect(root, slots);
            if (slots.isEmpty()) {
                return replacement(root);
            }
            Slot slot = slots.get(Math.min(slots.size() - 1, (int) (at * slots.size())));
            if (kind == Kind.REMOVE) {
                slot.remove();
            } else if (kind == Kind.DUPLICATE && slot.parent() instanceof ArrayNode array) {
                array.add(slot.value().deepCopy());
            } else {
                slot.set(replacement(slot.value()));
            }
            return root;
        }

        private JsonNode replacement(JsonNode old) {
            return switch (kind) {
                case NULL, REMOVE -> NODES.nullNode();
                case EMPTY_STRING -> NODES.textNode("");
                case LONG_STRING -> NODES.textNode("carcinoma ".repeat(6_000));
                case CANARY_STRING -> NODES.textNode(PhiCanary.patientLine());
                case CONTROL_STRING -> NODES.textNode("\u0000\u001b[31m\ud83e\udda0\u202e\r\n\t\\\"");
                case NEGATIVE -> NODES.numberNode(-1);
                case HUGE_NUMBER -> NODES.numberNode(new BigDecimal("1e400"));
                case FRACTION -> NODES.numberNode(0.5);
                case TRUE -> NODES.booleanNode(true);
                case EMPTY_ARRAY -> NODES.arrayNode();
                case EMPTY_OBJECT -> NODES.objectNode();
                case DUPLICATE, WRAP_IN_ARRAY -> NODES.arrayNode().add(old.deepCopy());
                case DEEP_NESTING -> nested(old, 1_100);
            };
        }

        private static JsonNode nested(JsonNode inner, int depth) {
            JsonNode node = inner.deepCopy();
            for (int i = 0; i < depth; i++) {
                node = NODES.arrayNode().add(node);
            }
            return node;
        }
    }

    /** A place in the tree: a field of an object or an element of an array. */
    private record Slot(JsonNode parent, String field, int index, JsonNode value) {

        void remove() {
            if (parent instanceof ObjectNode object) {
                object.remove(field);
            } else {
                ((ArrayNode) parent).remove(index);
            }
        }

        void set(JsonNode replacement) {
            if (parent instanceof ObjectNode object) {
                object.set(field, replacement);
            } else {
                ((ArrayNode) parent).set(index, replacement);
            }
        }
    }

    private static void collect(JsonNode node, List<Slot> slots) {
        if (node instanceof ObjectNode object) {
            object.properties().forEach(field -> {
                slots.add(new Slot(object, field.getKey(), -1, field.getValue()));
                collect(field.getValue(), slots);
            });
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                slots.add(new Slot(array, null, i, array.get(i)));
                collect(array.get(i), slots);
            }
        }
    }

    private static JsonNode parse(FuzzCorpus.Seed seed) {
        try {
            return JSON.readTree(seed.bytes());
        } catch (IOException e) {
            throw new IllegalStateException("seed " + seed.name() + " is not JSON", e);
        }
    }

    private static byte[] write(JsonNode tree) {
        try {
            return JSON.writeValueAsBytes(tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
