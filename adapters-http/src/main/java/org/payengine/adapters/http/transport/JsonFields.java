package org.payengine.adapters.http.transport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.function.Function;
import org.payengine.domain.InvalidValueException;
import org.payengine.domain.Text;

/**
 * Typed reading of one JSON object of a request, naming every field it refuses by its path in the body
 * ({@code amount.value}). A missing field and an explicit {@code null} are the same; unknown fields are
 * ignored. Values are checked by the domain's own types through {@link #parsed}.
 */
public final class JsonFields {

    private final ObjectNode node;
    private final String path;

    private JsonFields(ObjectNode node, String path) {
        this.node = node;
        this.path = path;
    }

    public static JsonFields of(ObjectNode node) {
        return new JsonFields(node, "");
    }

    /** The path of a field of this object, as errors name it. */
    public String pathOf(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    public String requiredText(String name) {
        String text = optionalText(name);
        if (text == null) {
            throw HttpError.missingField(pathOf(name));
        }
        return text;
    }

    /** A string field, {@code null} when absent. */
    public String optionalText(String name) {
        JsonNode value = present(name);
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            throw HttpError.wrongType(pathOf(name), "a string");
        }
        // refused here, before anything is stored: every store and writer would turn a lone surrogate into another text
        return parsed(name, value.textValue(), text -> Text.wellFormed(name, text));
    }

    /** A boolean field, {@code null} when absent. */
    public Boolean optionalBoolean(String name) {
        JsonNode value = present(name);
        if (value == null) {
            return null;
        }
        if (!value.isBoolean()) {
            throw HttpError.wrongType(pathOf(name), "true or false");
        }
        return value.booleanValue();
    }

    /** A whole-number field, {@code null} when absent. */
    public Long optionalWholeNumber(String name) {
        JsonNode value = present(name);
        if (value == null) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw HttpError.wrongType(pathOf(name), "a whole number");
        }
        return value.longValue();
    }

    /**
     * A field that may be a string of digits or a whole number, as an amount's value (Antom writes
     * {@code "4200"}, a JSON number is accepted too); returned as the digits, {@code null} when absent.
     */
    public String optionalDigits(String name) {
        JsonNode value = present(name);
        if (value == null) {
            return null;
        }
        if (value.isTextual()) {
            return parsed(name, value.textValue(), text -> Text.wellFormed(name, text));
        }
        if (value.isIntegralNumber()) {
            return value.bigIntegerValue().toString();
        }
        throw HttpError.wrongType(pathOf(name), "a whole number of minor units, e.g. \"4200\"");
    }

    public JsonFields requiredObject(String name) {
        JsonFields object = optionalObject(name);
        if (object == null) {
            throw HttpError.missingField(pathOf(name));
        }
        return object;
    }

    /** A nested object, {@code null} when absent. */
    public JsonFields optionalObject(String name) {
        JsonNode value = present(name);
        if (value == null) {
            return null;
        }
        if (!value.isObject()) {
            throw HttpError.wrongType(pathOf(name), "an object");
        }
        return new JsonFields((ObjectNode) value, pathOf(name));
    }

    /**
     * A value made by a domain type from a field's raw value; the domain's refusal becomes a 422 naming this
     * field, with the domain's reason. {@code null} stays {@code null}.
     */
    public <R, T> T parsed(String name, R raw, Function<R, T> parse) {
        return parsedAs(pathOf(name), raw, parse);
    }

    /** {@link #parsed} for a value whose field is named by its full path. */
    public static <R, T> T parsedAs(String field, R raw, Function<R, T> parse) {
        if (raw == null) {
            return null;
        }
        try {
            return parse.apply(raw);
        } catch (InvalidValueException refused) {
            throw HttpError.refused(field, refused);
        }
    }

    /** An upper-case name of one of {@code values}, {@code null} when absent. */
    public <E extends Enum<E>> E optionalEnum(String name, Class<E> type) {
        String text = optionalText(name);
        if (text == null) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(text)) {
                return constant;
            }
        }
        throw HttpError.invalidValue(pathOf(name), "must be one of " + Arrays.toString(type.getEnumConstants())
                + ", was \"" + JsonRequests.printable(text) + "\"");
    }

    public <E extends Enum<E>> E requiredEnum(String name, Class<E> type) {
        E value = optionalEnum(name, type);
        if (value == null) {
            throw HttpError.missingField(pathOf(name));
        }
        return value;
    }

    private JsonNode present(String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? null : value;
    }
}
