package org.payengine.adapters.http;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.PathTemplateMatch;
import java.util.Set;

/**
 * Times every request from its arrival to the end of its answer and counts it under its route's template
 * ({@code /v1/orders/{referenceOrderId}}) and its method, so that the number of series stays bounded whatever
 * clients send: a request no route matched counts as {@code unmatched}, a method HTTP does not define as
 * {@code OTHER}.
 */
final class RequestMetrics implements HttpHandler {

    /** The methods of HTTP (RFC 9110) and PATCH (RFC 5789); any other token a client sends is {@code OTHER}. */
    private static final Set<String> METHODS =
            Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH");

    private final HttpMetrics metrics;
    private final HttpHandler next;

    RequestMetrics(HttpMetrics metrics, HttpHandler next) {
        this.metrics = metrics;
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        long start = System.nanoTime();
        exchange.addExchangeCompleteListener((done, nextListener) -> {
            try {
                PathTemplateMatch match = done.getAttachment(PathTemplateMatch.ATTACHMENT_KEY);
                String route = match == null ? "unmatched" : match.getMatchedTemplate();
                metrics.requestAnswered(route, methodLabel(done.getRequestMethod().toString()),
                        done.getStatusCode(), System.nanoTime() - start);
            } finally {
                nextListener.proceed();
            }
        });
        next.handleRequest(exchange);
    }

    static String methodLabel(String method) {
        return METHODS.contains(method) ? method : "OTHER";
    }
}
