package org.payengine.simulator.wire;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/** The one JSON mapper of the simulator, and the semantic comparison idempotency needs. */
public final class Json {

    public static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    public static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    /** Parses JSON text; {@code null} when it is not JSON at all. */
    public static JsonNode parseOrNull(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /**
     * A request in canonical form for "is this the same request?": key order is irrelevant (as in
     * any {@link ObjectNode} comparison), nulls are absent, and scalars compare by their text, so
     * {@code true} equals {@code "true"} and {@code 20} equals {@code "20"} as Antom reads them.
     */
    public static JsonNode canonical(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isObject()) {
            ObjectNode out = object();
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                JsonNode value = canonical(field.getValue());
                if (value != null) {
                    out.set(field.getKey(), value);
                }
            }
            return out;
        }
        if (node.isArray()) {
            var out = JsonNodeFactory.instance.arrayNode();
            node.forEach(element -> {
                JsonNode value = canonical(element);
                out.add(value == null ? JsonNodeFactory.instance.nullNode() : value);
            });
            return out;
        }
        return JsonNodeFactory.instance.textNode(node.asText());
    }
}
