package org.payengine.adapters.http.transport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.payengine.domain.CardNumbers;
import org.payengine.domain.Text;

/**
 * Turns a request body into a JSON object the merchant API can read: capped ({@link BoundedBody}), sent as
 * JSON (415 otherwise), well-formed (400 otherwise), and free of card data. PayEngine works in hosted mode and
 * never takes a card number or a security code: a body carrying a field named like one is refused whole,
 * and neither the body nor the value is logged or echoed.
 */
public final class JsonRequests {

    /** Field names (lower case, without {@code _} and {@code -}) that hold card numbers or security codes. */
    private static final Set<String> CARD_DATA_FIELDS = Set.of(
            "cardnumber", "cardno", "cardnum", "pan", "primaryaccountnumber",
            "cvv", "cvv2", "cvc", "cvc2", "cvn", "securitycode", "cardsecuritycode", "cardverificationvalue",
            "cardverificationcode");

    private final BoundedBody bodies;

    public JsonRequests(BoundedBody bodies) {
        this.bodies = bodies;
    }

    /** The body as a JSON object; required. */
    public JsonFields object(HttpServerExchange exchange) {
        byte[] body = bodies.read(exchange);
        requireJsonContentType(exchange, body.length > 0);
        ObjectNode object = Json.object(body);
        refuseCardData(object, "");
        return JsonFields.of(object);
    }

    /**
     * For commands without parameters (capture, cancel, sync): no body, or a JSON object whose fields are
     * ignored; the same checks apply to what is sent.
     */
    public void ignoredObject(HttpServerExchange exchange) {
        byte[] body = bodies.read(exchange);
        requireJsonContentType(exchange, body.length > 0);
        if (body.length > 0) {
            refuseCardData(Json.object(body), "");
        }
    }

    private static void requireJsonContentType(HttpServerExchange exchange, boolean hasBody) {
        String contentType = exchange.getRequestHeaders().getFirst(Headers.CONTENT_TYPE);
        if (contentType == null) {
            if (hasBody) {
                throw HttpError.unsupportedMediaType("a body without Content-Type");
            }
            return;
        }
        String[] parts = contentType.split(";");
        String mediaType = parts[0].trim().toLowerCase(Locale.ROOT);
        boolean json = mediaType.equals("application/json")
                || mediaType.startsWith("application/") && mediaType.endsWith("+json");
        if (!json) {
            throw HttpError.unsupportedMediaType(printable(mediaType));
        }
        for (int i = 1; i < parts.length; i++) {
            String[] parameter = parts[i].trim().split("=", 2);
            if (parameter[0].trim().equalsIgnoreCase("charset") && parameter.length == 2
                    && !parameter[1].trim().replace("\"", "").equalsIgnoreCase("utf-8")) {
                throw new HttpError(415, "UNSUPPORTED_MEDIA_TYPE",
                        "JSON must be sent in UTF-8, not " + printable(parameter[1].trim()), null);
            }
        }
    }

    private static void refuseCardData(JsonNode node, String path) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                String name = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                if (isCardDataName(field.getKey())) {
                    throw new HttpError(422, "CARD_DATA_REFUSED", printable(name)
                            + ": PayEngine never accepts card numbers or security codes; the buyer enters them on"
                            + " Antom's hosted payment page", printable(name));
                }
                refuseCardData(field.getValue(), name);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                refuseCardData(node.get(i), path + "[" + i + "]");
            }
        }
    }

    static boolean isCardDataName(String fieldName) {
        String normalized = fieldName.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
        return CARD_DATA_FIELDS.contains(normalized);
    }

    /**
     * A request's text quoted back in an error: short, without control characters or lone surrogates, and with the
     * digits of anything that looks like a card number starred out.
     */
    public static String printable(String text) {
        String redacted = CardNumbers.redacted(text);
        String cut = redacted.length() > 64 ? redacted.substring(0, 64) + "…" : redacted;
        return Text.tidied(cut.replaceAll("\\p{Cntrl}", "?"), 80);
    }
}
