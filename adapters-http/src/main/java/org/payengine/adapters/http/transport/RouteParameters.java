package org.payengine.adapters.http.transport;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.PathTemplateMatch;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Deque;
import java.util.function.Function;

/** The values a request carries in its path ({@code /v1/orders/{referenceOrderId}}) and its query string. */
public final class RouteParameters {

    private RouteParameters() {
    }

    /**
     * A path parameter of the matched route, made into a domain value; a value the domain refuses is a 422
     * naming the parameter.
     */
    public static <T> T path(HttpServerExchange exchange, String name, Function<String, T> parse) {
        PathTemplateMatch match = exchange.getAttachment(PathTemplateMatch.ATTACHMENT_KEY);
        String value = match == null ? null : match.getParameters().get(name);
        if (value == null) {
            throw new IllegalStateException("the route of " + exchange.getRequestPath() + " has no parameter " + name);
        }
        return JsonFields.parsedAs(name, value, parse);
    }

    /**
     * A value as one segment of a path in an answer ({@code Location}): percent-encoded UTF-8, since a header carries
     * ASCII only and an id may be any text.
     */
    public static String pathSegment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The first value of a query parameter, {@code null} when absent or empty. */
    public static String query(HttpServerExchange exchange, String name) {
        Deque<String> values = exchange.getQueryParameters().get(name);
        String value = values == null ? null : values.peekFirst();
        return value == null || value.isEmpty() ? null : value;
    }
}
