package org.payengine.adapters.http.transport;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The adapter's one JSON configuration: requests are read as trees (so a wrong type or a missing field can be
 * named), duplicate keys and trailing content are malformed, and answers leave absent values out.
 */
public final class Json {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(JsonParser.Feature.AUTO_CLOSE_SOURCE)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private Json() {
    }

    /**
     * Parses a request body that must be one JSON object.
     *
     * @throws HttpError 400 when the body is empty, not JSON, or JSON but not an object
     */
    public static ObjectNode object(byte[] body) {
        if (body.length == 0) {
            throw HttpError.malformedJson("The request body is empty; a JSON object is expected");
        }
        JsonNode tree;
        try {
            tree = MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            // the parser's own words, without the echo of the body it may include
            throw HttpError.malformedJson("The request body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw HttpError.malformedJson("The request body could not be read as JSON");
        }
        if (tree == null || tree.isMissingNode()) {
            throw HttpError.malformedJson("The request body is empty; a JSON object is expected");
        }
        if (!tree.isObject()) {
            throw HttpError.malformedJson("The request body must be a JSON object, not " + tree.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
        }
        return (ObjectNode) tree;
    }

    /** The view as JSON bytes. */
    public static byte[] bytes(Object view) {
        try {
            return MAPPER.writeValueAsBytes(view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + view.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /**
     * A JSON body written the one way every equal document is written (members sorted by name, no insignificant
     * white space), to tell a request sent again from another; {@code null} when the body is not one JSON value.
     */
    public static byte[] canonical(byte[] body) {
        try {
            JsonNode tree = MAPPER.readTree(body);
            return tree == null || tree.isMissingNode() ? null : MAPPER.writeValueAsBytes(sorted(tree));
        } catch (IOException notJson) {
            return null;
        }
    }

    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            ObjectNode sorted = MAPPER.createObjectNode();
            new TreeMap<>(node.properties().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)))
                    .forEach((name, value) -> sorted.set(name, sorted(value)));
            return sorted;
        }
        if (node.isArray()) {
            ArrayNode sorted = MAPPER.createArrayNode();
            node.forEach(element -> sorted.add(sorted(element)));
            return sorted;
        }
        return node;
    }

    /** A new, empty object node for answers built field by field. */
    public static ObjectNode newObject() {
        return MAPPER.createObjectNode();
    }
}
