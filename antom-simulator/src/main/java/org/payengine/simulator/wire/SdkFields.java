package org.payengine.simulator.wire;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Strict mode: a request may carry only the fields that the official Java SDK's model of its API has. Catches a
 * client's misspelt or misplaced field, which Antom would most likely ignore in silence. The catalogue
 * ({@code sdk-request-fields.tsv} beside this class) lists every field path per API — {@code order.goods[].goodsName}
 * for the elements of a list, {@code paymentMethod.paymentMethodMetaData.*} for a map the SDK leaves open — from
 * the models of SDK 2.0.45 (checked against the jar by a test) and of its newest source.
 */
public final class SdkFields {

    private static final SdkFields CATALOGUE = load("sdk-request-fields.tsv");

    private final Map<String, Set<String>> pathsByApi;

    private SdkFields(Map<String, Set<String>> pathsByApi) {
        this.pathsByApi = pathsByApi;
    }

    public static SdkFields catalogue() {
        return CATALOGUE;
    }

    /** The field paths of one API's request model. */
    public Set<String> of(String api) {
        return pathsByApi.getOrDefault(api, Set.of());
    }

    /**
     * @throws ApiFailure {@code PARAM_ILLEGAL} naming the first field of {@code body} that the SDK's model of
     *                    {@code api} does not have
     */
    public void check(String api, JsonNode body) {
        check(of(api), body, "", api);
    }

    private static void check(Set<String> known, JsonNode object, String prefix, String api) {
        if (known.contains(prefix + "*")) {
            return; // a map the SDK leaves open: any key
        }
        Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getValue().isNull()) {
                continue;
            }
            String path = prefix + field.getKey();
            if (!known.contains(path)) {
                throw ApiFailure.paramIllegal(path + " is not a field of the " + api + " request (strict mode: the"
                        + " official SDK's model of the API has no such field)");
            }
            JsonNode value = field.getValue();
            if (value.isObject()) {
                check(known, value, path + ".", api);
            } else if (value.isArray()) {
                for (JsonNode element : value) {
                    if (element.isObject()) {
                        check(known, element, path + "[].", api);
                    }
                }
            }
        }
    }

    static SdkFields load(String resource) {
        Map<String, Set<String>> paths = new HashMap<>();
        try (InputStream in = Objects.requireNonNull(SdkFields.class.getResourceAsStream(resource), resource);
             BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split("\t");
                paths.computeIfAbsent(cells[0], api -> new HashSet<>()).add(cells[1]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        paths.replaceAll((api, set) -> Set.copyOf(set));
        return new SdkFields(Map.copyOf(paths));
    }
}
