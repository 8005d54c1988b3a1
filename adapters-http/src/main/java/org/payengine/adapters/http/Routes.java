package org.payengine.adapters.http;

import java.util.Optional;
import io.undertow.Handlers;
import io.undertow.server.HttpHandler;
import io.undertow.server.RoutingHandler;
import io.undertow.util.Headers;
import org.payengine.adapters.http.api.NotificationEndpoint;
import org.payengine.adapters.http.api.OrdersApi;
import org.payengine.adapters.http.api.PaymentsApi;
import org.payengine.adapters.http.api.ReconciliationApi;
import org.payengine.adapters.http.demo.DemoShop;
import org.payengine.adapters.http.demo.ReconciliationPage;
import org.payengine.adapters.http.transport.BearerKeys;
import org.payengine.adapters.http.transport.BoundedBody;
import org.payengine.adapters.http.transport.ErrorAnswers;
import org.payengine.adapters.http.transport.HttpError;
import org.payengine.adapters.http.transport.JsonRequests;

/** Every route the engine serves, in one place, with who may call it. */
final class Routes {

    private Routes() {
    }

    static RoutingHandler of(HttpSettings settings, EngineUseCases engine, Optional<ReconciliationUseCases> reconciliation,
                             HttpMetrics metrics) {
        BoundedBody bodies = new BoundedBody(settings.maxBodyBytes());
        JsonRequests requests = new JsonRequests(bodies);
        BearerKeys keys = new BearerKeys(settings.apiKeys());
        OrdersApi orders = new OrdersApi(requests, engine.createOrGetOrder(), engine.getOrder(), engine.startPayment());
        PaymentsApi payments = new PaymentsApi(requests, engine.getPayment(), engine.capturePayment(),
                engine.cancelPayment(), engine.syncPayment(), engine.listPaymentMethods());
        NotificationEndpoint notifications = new NotificationEndpoint(bodies, engine.handleNotification(),
                engine.clock(), metrics::notificationRefused);
        OperationsEndpoints operations = new OperationsEndpoints(engine.storeHealth(), engine.gatewayHealth(), metrics);

        RoutingHandler routes = Handlers.routing()
                // the merchant API: a bearer API key
                .post("/v1/orders", merchant(keys, orders::create))
                .get("/v1/orders/{referenceOrderId}", merchant(keys, orders::get))
                .post("/v1/orders/{referenceOrderId}/payments", merchant(keys, orders::startPayment))
                .get("/v1/payments/{paymentRequestId}", merchant(keys, payments::get))
                .post("/v1/payments/{paymentRequestId}/capture", merchant(keys, payments::capture))
                .post("/v1/payments/{paymentRequestId}/cancel", merchant(keys, payments::cancel))
                .post("/v1/payments/{paymentRequestId}/sync", merchant(keys, payments::sync))
                .get("/v1/payment-methods", merchant(keys, payments::paymentMethods))
                // reconciliation routes below, when the engine reconciles
                // Antom: its signature is the authentication
                .post(PayEngineHttpServer.NOTIFICATION_PATH, ErrorAnswers.around(notifications::receive))
                // operations: no secrets in what they tell
                .get("/health", ErrorAnswers.around(operations::health))
                .get("/metrics", ErrorAnswers.around(operations::metrics))
                .setFallbackHandler(ErrorAnswers.around(exchange -> {
                    throw HttpError.notFound("NOT_FOUND", "There is nothing at " + exchange.getRequestMethod() + " "
                            + ErrorAnswers.redactedPath(exchange));
                }))
                .setInvalidMethodHandler(ErrorAnswers.around(exchange -> {
                    throw new HttpError(405, "METHOD_NOT_ALLOWED", exchange.getRequestMethod()
                            + " is not allowed on " + ErrorAnswers.redactedPath(exchange), null);
                }));
        reconciliation.ifPresent(recon -> {
            ReconciliationApi api = new ReconciliationApi(new BoundedBody(recon.maxReportBytes()),
                    recon.reconcileReport(), recon.getRun(), recon.listDiscrepancies());
            routes.post("/v1/reconciliation/reports", merchant(keys, api::postReport))
                    .get("/v1/reconciliation/runs/{runId}", merchant(keys, api::getRun))
                    .get("/v1/reconciliation/discrepancies", merchant(keys, api::discrepancies));
            if (settings.demoPages()) {
                routes.get("/demo/reconciliation",
                        page(new ReconciliationPage(recon.listRuns(), recon.listDiscrepancies())::show));
            }
        });
        if (settings.demoPages()) {
            DemoShop demo = new DemoShop(settings.baseUrl(), bodies, engine.createOrGetOrder(), engine.startPayment(),
                    engine.getOrder(), engine.listOrders(), engine.syncPayment(), engine.capturePayment(),
                    engine.cancelPayment(), engine.auditLog(), engine.cardTokens());
            routes.get("/", page(exchange -> {
                        exchange.setStatusCode(303);
                        exchange.getResponseHeaders().put(Headers.LOCATION, "/demo");
                    }))
                    .get("/demo", page(demo::shop))
                    .post("/demo/checkout", page(demo::checkout))
                    .get("/demo/result", page(demo::result))
                    .post("/demo/orders/{referenceOrderId}/check", ErrorAnswers.around(demo::check))
                    .post("/demo/orders/{referenceOrderId}/retry", page(demo::retry))
                    .get("/demo/orders", page(demo::orders))
                    .post("/demo/payments/{paymentRequestId}/capture", page(demo::capture))
                    .post("/demo/payments/{paymentRequestId}/cancel", page(demo::cancel));
        }
        return routes;
    }

    private static HttpHandler merchant(BearerKeys keys, HttpHandler handler) {
        return ErrorAnswers.around(keys.protect(handler));
    }

    /** Demo pages answer their own refusals as HTML; anything else they throw is answered as a JSON error. */
    private static HttpHandler page(HttpHandler handler) {
        return ErrorAnswers.around(DemoShop.pageErrors(handler));
    }
}
