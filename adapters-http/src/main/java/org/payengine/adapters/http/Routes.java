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
import org.payengine.adapters.http.api.RefundsApi;
import org.payengine.adapters.http.demo.DemoShop;
import org.payengine.adapters.http.demo.ReconciliationPage;
import org.payengine.adapters.http.transport.BearerKeys;
import org.payengine.adapters.http.transport.BoundedBody;
import org.payengine.adapters.http.transport.ErrorAnswers;
import org.payengine.adapters.http.transport.HttpError;
import org.payengine.adapters.http.transport.IdempotentRequests;
import org.payengine.adapters.http.transport.JsonRequests;
import org.payengine.application.usecase.ExecuteOnce;
import org.payengine.application.usecase.UseCases;

/** Every route the engine serves, in one place, with who may call it. */
final class Routes {

    private Routes() {
    }

    static RoutingHandler of(HttpSettings settings, UseCases engine, ServerPorts ports,
                             Optional<ReconciliationUseCases> reconciliation, HttpMetrics metrics) {
        BoundedBody bodies = new BoundedBody(settings.maxBodyBytes());
        JsonRequests requests = new JsonRequests(bodies);
        MerchantApi merchantApi = new MerchantApi(new BearerKeys(settings.apiKeys()),
                new IdempotentRequests(bodies, ports.executeOnce()));
        OrdersApi orders = new OrdersApi(requests, engine.createOrGetOrder(), engine.getOrder(), engine.listOrders(),
                engine.startPayment());
        PaymentsApi payments = new PaymentsApi(requests, engine.getPayment(), engine.listPayments(),
                engine.capturePayment(), engine.cancelPayment(), engine.syncPayment(), engine.listPaymentMethods());
        RefundsApi refunds = new RefundsApi(requests, engine.refundPayment(), engine.getRefund());
        NotificationEndpoint notifications = new NotificationEndpoint(bodies, engine.handleNotification(),
                ports.clock(), metrics::notificationRefused);
        OperationsEndpoints operations = new OperationsEndpoints(ports.storeHealth(), ports.gatewayHealth(), metrics);

        RoutingHandler routes = Handlers.routing()
                // the merchant API: a bearer API key
                .post("/v1/orders", merchant(merchantApi, orders::create))
                .get("/v1/orders", merchant(merchantApi, orders::list))
                .get("/v1/orders/{referenceOrderId}", merchant(merchantApi, orders::get))
                .post("/v1/orders/{referenceOrderId}/payments", merchant(merchantApi, orders::startPayment))
                .get("/v1/payments", merchant(merchantApi, payments::list))
                .get("/v1/payments/{paymentRequestId}", merchant(merchantApi, payments::get))
                .post("/v1/payments/{paymentRequestId}/capture", merchant(merchantApi, payments::capture))
                .post("/v1/payments/{paymentRequestId}/cancel", merchant(merchantApi, payments::cancel))
                .post("/v1/payments/{paymentRequestId}/sync", merchant(merchantApi, payments::sync))
                .post("/v1/payments/{paymentRequestId}/refunds", merchant(merchantApi, refunds::create))
                .get("/v1/refunds/{refundRequestId}", merchant(merchantApi, refunds::get))
                .get("/v1/payment-methods", merchant(merchantApi, payments::paymentMethods))
                // reconciliation routes below, when the engine reconciles
                // Antom: its signature is the authentication
                .post(PayEngineHttpServer.NOTIFICATION_PATH, ErrorAnswers.around(notifications::receive))
                // operations: no secrets in what they tell
                .get("/health", ErrorAnswers.around(operations::health))
                .get("/metrics", ErrorAnswers.around(operations::metrics))
                .get("/openapi.json", ErrorAnswers.around(operations::openApi))
                .setFallbackHandler(ErrorAnswers.around(exchange -> {
                    throw HttpError.notFound("NOT_FOUND", "There is nothing at " + exchange.getRequestMethod() + " "
                            + ErrorAnswers.redactedPath(exchange));
                }))
                .setInvalidMethodHandler(ErrorAnswers.around(exchange -> {
                    throw new HttpError(405, "METHOD_NOT_ALLOWED", exchange.getRequestMethod()
                            + " is not allowed on " + ErrorAnswers.redactedPath(exchange), null);
                }));
        reconciliation.ifPresent(recon -> {
            BoundedBody reports = new BoundedBody(recon.maxReportBytes());
            ReconciliationApi api = new ReconciliationApi(reports, recon.reconcileReport(), recon.getRun(),
                    recon.listDiscrepancies());
            // a report is larger than a merchant API body: its idempotency key reads it under the report's cap
            MerchantApi reportsApi = merchantApi.readingBodiesWith(reports, ports.executeOnce());
            routes.post("/v1/reconciliation/reports", merchant(reportsApi, api::postReport))
                    .get("/v1/reconciliation/runs/{runId}", merchant(merchantApi, api::getRun))
                    .get("/v1/reconciliation/discrepancies", merchant(merchantApi, api::discrepancies));
            if (settings.demoPages()) {
                routes.get("/demo/reconciliation",
                        page(new ReconciliationPage(recon.listRuns(), recon.listDiscrepancies())::show));
            }
        });
        if (settings.demoPages()) {
            DemoShop demo = new DemoShop(settings.baseUrl(), bodies, engine, ports.auditLog(), ports.cardTokens());
            routes.get("/", page(exchange -> {
                        exchange.setStatusCode(303);
                        exchange.getResponseHeaders().put(Headers.LOCATION, "/demo");
                    }))
                    .get("/demo", page(demo::shop))
                    .post("/demo/checkout", page(demo::checkout))
                    .get("/demo/result", page(demo::result))
                    .get("/demo/orders/{referenceOrderId}/outcome", ErrorAnswers.around(demo::outcome))
                    .post("/demo/orders/{referenceOrderId}/retry", page(demo::retry))
                    .get("/demo/orders", page(demo::orders))
                    .post("/demo/payments/{paymentRequestId}/capture", page(demo::capture))
                    .post("/demo/payments/{paymentRequestId}/cancel", page(demo::cancel))
                    .post("/demo/payments/{paymentRequestId}/refund", page(demo::refund));
        }
        return routes;
    }

    private static HttpHandler merchant(MerchantApi api, HttpHandler handler) {
        return ErrorAnswers.around(api.keys().protect(api.idempotency().around(ErrorAnswers.around(handler))));
    }

    /** What every merchant route passes: the API key, then (for a {@code POST} with one) the idempotency key. */
    private record MerchantApi(BearerKeys keys, IdempotentRequests idempotency) {

        MerchantApi readingBodiesWith(BoundedBody bodies, ExecuteOnce executeOnce) {
            return new MerchantApi(keys, new IdempotentRequests(bodies, executeOnce));
        }
    }

    /** Demo pages answer their own refusals as HTML; anything else they throw is answered as a JSON error. */
    private static HttpHandler page(HttpHandler handler) {
        return ErrorAnswers.around(DemoShop.pageErrors(handler));
    }
}
