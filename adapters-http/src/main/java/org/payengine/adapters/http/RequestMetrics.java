package org.payengine.adapters.http;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.PathTemplateMatch;

/**
 * Times every request from its arrival to the end of its answer and counts it under its route's template
 * ({@code /v1/orders/{referenceOrderId}}), so that the number of series stays bounded whatever paths clients
 * send; a request no route matched counts as {@code unmatched}.
 */
final class RequestMetrics implements HttpHandler {

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
                metrics.requestAnswered(route, done.getRequestMethod().toString(), done.getStatusCode(),
                        System.nanoTime() - start);
            } finally {
                nextListener.proceed();
            }
        });
        next.handleRequest(exchange);
    }
}
