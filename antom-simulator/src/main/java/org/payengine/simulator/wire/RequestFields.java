package org.payengine.simulator.wire;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Currency;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads one JSON object of a request the way Antom validates it: each failure is a
 * {@code PARAM_ILLEGAL} naming the field by its full path and saying what is wrong. Scalars are
 * read leniently (the SDK emits some booleans and integers natively, the docs say strings).
 */
public final class RequestFields {

    private static final Pattern ABSOLUTE_URL = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:\\S*");
    private static final Pattern POSITIVE_INTEGER = Pattern.compile("[1-9][0-9]{0,15}");
    private static final Set<String> CURRENCIES = Currency.getAvailableCurrencies().stream()
            .map(Currency::getCurrencyCode).collect(Collectors.toUnmodifiableSet());

    private final JsonNode node;
    private final String prefix;

    private RequestFields(JsonNode node, String prefix) {
        this.node = node;
        this.prefix = prefix;
    }

    /** The top-level object of a request body. */
    public static RequestFields of(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ApiFailure.paramIllegal("the request body must be a JSON object");
        }
        return new RequestFields(body, "");
    }

    public JsonNode raw() {
        return node;
    }

    public String name(String field) {
        return prefix + field;
    }

    public boolean has(String field) {
        JsonNode value = node.get(field);
        return value != null && !value.isNull();
    }

    public String requiredText(String field, int maxLength) {
        return optionalText(field, maxLength)
                .orElseThrow(() -> ApiFailure.paramIllegal(name(field) + " is required"));
    }

    public Optional<String> optionalText(String field, int maxLength) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isValueNode()) {
            throw ApiFailure.paramIllegal(name(field) + " must be a string");
        }
        String text = value.asText();
        if (text.isEmpty()) {
            throw ApiFailure.paramIllegal(name(field) + " must not be empty");
        }
        if (text.length() > maxLength) {
            throw ApiFailure.paramIllegal(name(field) + " exceeds the maximum length of " + maxLength + " characters");
        }
        return Optional.of(text);
    }

    /** A string that must be one of {@code allowed}. */
    public Optional<String> optionalChoice(String field, Set<String> allowed) {
        Optional<String> value = optionalText(field, 64);
        if (value.isPresent() && !allowed.contains(value.get())) {
            throw ApiFailure.paramIllegal(name(field) + " must be one of " + allowed.stream().sorted().toList()
                    + ", was " + value.get());
        }
        return value;
    }

    /** {@code true}, {@code "true"}, {@code false} or {@code "false"}. */
    public Optional<Boolean> optionalBoolean(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (value.isBoolean()) {
            return Optional.of(value.booleanValue());
        }
        if (value.isTextual() && ("true".equals(value.textValue()) || "false".equals(value.textValue()))) {
            return Optional.of(Boolean.parseBoolean(value.textValue()));
        }
        throw ApiFailure.paramIllegal(name(field) + " must be true or false");
    }

    /** An integer given as a JSON number or a string of digits, within bounds. */
    public Optional<Long> optionalInteger(String field, long min, long max) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        long parsed;
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            parsed = value.longValue();
        } else if (value.isTextual() && value.textValue().matches("-?[0-9]{1,18}")) {
            parsed = Long.parseLong(value.textValue());
        } else {
            throw ApiFailure.paramIllegal(name(field) + " must be an integer");
        }
        if (parsed < min || parsed > max) {
            throw ApiFailure.paramIllegal(name(field) + " must be between " + min + " and " + max);
        }
        return Optional.of(parsed);
    }

    /** An ISO 8601 datetime with offset. */
    public Optional<Instant> optionalTime(String field) {
        return optionalText(field, 64).map(text -> AntomTime.parse(text).orElseThrow(() ->
                ApiFailure.paramIllegal(name(field) + " must be an ISO 8601 datetime with offset, e.g. "
                        + "2019-11-27T12:01:01+08:00, was " + text)));
    }

    public RequestFields requiredObject(String field) {
        return optionalObject(field).orElseThrow(() -> ApiFailure.paramIllegal(name(field) + " is required"));
    }

    public Optional<RequestFields> optionalObject(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isObject()) {
            throw ApiFailure.paramIllegal(name(field) + " must be an object");
        }
        return Optional.of(new RequestFields(value, name(field) + "."));
    }

    public Money requiredAmount(String field) {
        return optionalAmount(field).orElseThrow(() -> ApiFailure.paramIllegal(name(field) + " is required"));
    }

    /**
     * An amount: {@code currency} an ISO 4217 code, {@code value} a positive integer in minor
     * units of at most 16 digits (a JSON integer is tolerated; a decimal point is not).
     */
    public Optional<Money> optionalAmount(String field) {
        Optional<RequestFields> amount = optionalObject(field);
        if (amount.isEmpty()) {
            return Optional.empty();
        }
        String currency = amount.get().requiredText("currency", 3);
        if (!CURRENCIES.contains(currency)) {
            throw ApiFailure.paramIllegal(amount.get().name("currency") + " is not an ISO 4217 currency code: " + currency);
        }
        JsonNode value = amount.get().node.get("value");
        String valueName = amount.get().name("value");
        if (value == null || value.isNull()) {
            throw ApiFailure.paramIllegal(valueName + " is required");
        }
        String text = value.isIntegralNumber() ? value.asText() : value.isTextual() ? value.textValue() : "";
        if (!POSITIVE_INTEGER.matcher(text).matches()) {
            throw ApiFailure.paramIllegal(valueName + " must be a positive integer string in minor units"
                    + " (at most 16 digits), was " + value);
        }
        return Optional.of(new Money(currency, Long.parseLong(text)));
    }

    /** A known ISO 4217 code. */
    public Optional<String> optionalCurrency(String field) {
        Optional<String> currency = optionalText(field, 3);
        if (currency.isPresent() && !CURRENCIES.contains(currency.get())) {
            throw ApiFailure.paramIllegal(name(field) + " is not an ISO 4217 currency code: " + currency.get());
        }
        return currency;
    }

    /** An absolute URL: a scheme, then no whitespace (web pages and app deep links such as {@code imeituan://} alike). */
    public Optional<String> optionalUrl(String field, int maxLength) {
        Optional<String> url = optionalText(field, maxLength);
        if (url.isPresent() && !ABSOLUTE_URL.matcher(url.get()).matches()) {
            throw ApiFailure.paramIllegal(name(field) + " must be an absolute URL, was " + url.get());
        }
        return url;
    }
}
