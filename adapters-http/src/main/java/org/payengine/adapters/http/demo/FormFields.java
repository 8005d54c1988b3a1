package org.payengine.adapters.http.demo;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.payengine.adapters.http.transport.BoundedBody;
import org.payengine.adapters.http.transport.HttpError;

/** The fields of a demo page's form ({@code application/x-www-form-urlencoded}), read under the body cap. */
final class FormFields {

    private final Map<String, String> values;

    private FormFields(Map<String, String> values) {
        this.values = values;
    }

    static FormFields read(HttpServerExchange exchange, BoundedBody bodies) {
        byte[] body = bodies.read(exchange);
        String contentType = exchange.getRequestHeaders().getFirst(Headers.CONTENT_TYPE);
        if (body.length > 0 && (contentType == null
                || !contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded"))) {
            throw new HttpError(415, "UNSUPPORTED_MEDIA_TYPE", "The demo pages take HTML forms only", null);
        }
        Map<String, String> values = new HashMap<>();
        for (String pair : new String(body, StandardCharsets.US_ASCII).split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            String[] nameAndValue = pair.split("=", 2);
            try {
                values.putIfAbsent(URLDecoder.decode(nameAndValue[0], StandardCharsets.UTF_8),
                        nameAndValue.length == 2 ? URLDecoder.decode(nameAndValue[1], StandardCharsets.UTF_8) : "");
            } catch (IllegalArgumentException malformed) {
                throw new HttpError(400, "MALFORMED_FORM", "The form data is not properly encoded", null);
            }
        }
        return new FormFields(values);
    }

    /** The field's value, trimmed; {@code null} when absent or blank. */
    String get(String name) {
        String value = values.get(name);
        return value == null || value.isBlank() ? null : value.trim();
    }

    boolean checked(String name) {
        return get(name) != null;
    }
}
