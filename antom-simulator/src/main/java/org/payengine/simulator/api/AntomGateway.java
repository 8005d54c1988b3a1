package org.payengine.simulator.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.SameThreadExecutor;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.payengine.simulator.crypto.RsaSignatures;
import org.payengine.simulator.crypto.SignatureHeader;
import org.payengine.simulator.fault.Fault;
import org.payengine.simulator.fault.FaultKind;
import org.payengine.simulator.fault.Faults;
import org.payengine.simulator.payments.Acquirer;
import org.payengine.simulator.traffic.Traffic;
import org.payengine.simulator.wire.AntomResult;
import org.payengine.simulator.wire.AntomTime;
import org.payengine.simulator.wire.ApiFailure;
import org.payengine.simulator.wire.Json;
import org.payengine.simulator.wire.RequestFields;
import org.payengine.simulator.wire.SdkFields;
import org.slf4j.Logger;
import org.xnio.IoUtils;
import org.slf4j.LoggerFactory;

/**
 * Antom's API gateway: {@code POST /ams/api/v1/payments/{api}} and {@code /ams/sandbox/api/v1/payments/{api}}.
 * Checks method, path, content type, client id and the request signature the way Antom does,
 * dispatches to the API, and answers HTTP 200 with a {@code result}, signed over the request path,
 * unless an injected fault says otherwise. The gateway's own refusals (method, path, media type,
 * client id, signature, key version) come without {@code signature} and {@code response-time}, as
 * Antom's gateway sends them (the SDKs' hardened verification accepts unsigned {@code F} and
 * {@code U} for that reason), unless the simulator is told to sign them. In strict mode (the default) a request
 * may carry only the fields the official SDK's model of its API has ({@link SdkFields}). Every call is counted per
 * API; a call over its client's rate limit for the API is answered {@code U}/{@code REQUEST_TRAFFIC_EXCEED_LIMIT}
 * (as a gateway refusal) and not processed; an API's answers may be held for a latency ({@link Traffic}).
 *
 * <p>The work is CPU-bound (one RSA verification, one RSA signature, JSON) and never blocks, so
 * it runs on Undertow's I/O threads, one per core, without a hand-off.
 */
public final class AntomGateway implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(AntomGateway.class);
    private static final String LIVE_PREFIX = "/ams/api/v1/payments/";
    private static final String SANDBOX_PREFIX = "/ams/sandbox/api/v1/payments/";
    private static final HttpString CLIENT_ID = new HttpString("client-id");
    private static final HttpString REQUEST_TIME = new HttpString("request-time");
    private static final HttpString RESPONSE_TIME = new HttpString("response-time");
    private static final HttpString SIGNATURE = new HttpString("signature");
    private static final String JSON_UTF8 = "application/json; charset=UTF-8";
    /** Antom's answer to traffic over the limit (common result codes: U, back off and resend the same request). */
    private static final AntomResult TRAFFIC_EXCEEDS_LIMIT = new AntomResult("REQUEST_TRAFFIC_EXCEED_LIMIT", "U",
            "The request traffic exceeds the limit.");

    private final String clientId;
    private final PublicKey merchantPublicKey;
    private final PrivateKey antomPrivateKey;
    private final Faults faults;
    private final Acquirer acquirer;
    private final Supplier<String> fixedBaseUrl;
    private final boolean unsignedGatewayErrors;
    private final SdkFields strictFields;
    private final Traffic traffic;
    private final Map<String, AntomApi> apis;

    /** An answer body, and whether it goes out signed. */
    private record Reply(ObjectNode body, boolean signed) {
    }

    /**
     * @param fixedBaseUrl          the simulator's public base URL, or a supplier of null to derive it from
     *                              each request's scheme and Host header
     * @param unsignedGatewayErrors whether the gateway's own refusals go out unsigned, as Antom sends them
     * @param strict                whether a request may carry only the fields the SDK's model of its API has
     * @param traffic               where calls are counted, and the rate limits and answer latencies to apply
     */
    public AntomGateway(String clientId, PublicKey merchantPublicKey, PrivateKey antomPrivateKey, Faults faults,
                        Acquirer acquirer, Supplier<String> fixedBaseUrl, boolean unsignedGatewayErrors, boolean strict,
                        Traffic traffic) {
        this.clientId = clientId;
        this.merchantPublicKey = merchantPublicKey;
        this.antomPrivateKey = antomPrivateKey;
        this.faults = faults;
        this.acquirer = acquirer;
        this.fixedBaseUrl = fixedBaseUrl;
        this.unsignedGatewayErrors = unsignedGatewayErrors;
        this.strictFields = strict ? SdkFields.catalogue() : null;
        this.traffic = traffic;
        this.apis = Map.of(
                "pay", new PayApi(acquirer),
                "inquiryPayment", new InquiryPaymentApi(acquirer),
                "capture", new CaptureApi(acquirer),
                "cancel", new CancelApi(acquirer),
                "refund", new RefundApi(acquirer),
                "inquiryRefund", new InquiryRefundApi(acquirer),
                "consult", new ConsultApi());
    }

    /** Whether a path belongs to Antom's API namespace (answered here, known or not). */
    public static boolean handles(String path) {
        return path.startsWith("/ams/");
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        String path = exchange.getRequestPath();
        String api = apiName(path);
        if (api != null) {
            traffic.stats().received(api);
        }
        if (!"POST".equals(exchange.getRequestMethod().toString())) {
            send(exchange, path, gatewayRefusal(AntomResult.failure("METHOD_NOT_SUPPORTED",
                    "The HTTP method " + exchange.getRequestMethod() + " is not supported; use POST.")), null);
            return;
        }
        exchange.getRequestReceiver().receiveFullBytes(
                (ex, bytes) -> handleBody(ex, path, api, new String(bytes, StandardCharsets.UTF_8)),
                (ex, error) -> {
                    LOG.debug("could not read a request body", error);
                    ex.setStatusCode(400);
                    ex.endExchange();
                });
    }

    private void handleBody(HttpServerExchange exchange, String path, String api, String body) {
        Duration latency = traffic.latencies().of(api);
        String requestClientId = Optional.ofNullable(exchange.getRequestHeaders().getFirst(CLIENT_ID)).orElse("");
        if (api != null && !traffic.limits().admit(requestClientId, api)) {
            traffic.stats().rateLimited(api);
            respondAfter(exchange, latency, () -> send(exchange, path, gatewayRefusal(TRAFFIC_EXCEEDS_LIMIT), null));
            return;
        }
        Optional<Fault> fault = api == null ? Optional.empty() : faults.takeApiFault(api);
        boolean process = fault.map(Fault::takesEffect).orElse(true);
        Reply answer = process ? answer(exchange, path, api, body) : null;
        if (fault.isEmpty()) {
            respondAfter(exchange, latency, () -> send(exchange, path, answer, null));
            return;
        }
        Fault injected = fault.get();
        switch (injected.kind()) {
            case HTTP_5XX -> respondAfter(exchange, latency, () -> {
                exchange.setStatusCode(injected.effectiveHttpStatus());
                exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/plain; charset=UTF-8");
                exchange.getResponseSender().send("simulated upstream failure");
            });
            case HANG -> respondAfter(exchange, Duration.ofMillis((long) (injected.effectiveHangSeconds() * 1000)), () -> {
                if (answer != null) {
                    send(exchange, path, answer, null);
                } else {
                    IoUtils.safeClose(exchange.getConnection());
                }
            });
            case UNKNOWN_RESULT -> respondAfter(exchange, latency,
                    () -> send(exchange, path, signed(AntomResult.UNKNOWN_EXCEPTION.asBody()), null));
            default -> respondAfter(exchange, latency, () -> send(exchange, path,
                    answer != null ? answer : signed(AntomResult.UNKNOWN_EXCEPTION.asBody()), injected.kind()));
        }
    }

    /**
     * Answers now, or {@code after} a while on the I/O thread without holding it (dispatched, so the exchange stays
     * open after this handler returns).
     */
    private static void respondAfter(HttpServerExchange exchange, Duration after, Runnable response) {
        if (after.isZero()) {
            response.run();
            return;
        }
        exchange.dispatch(SameThreadExecutor.INSTANCE,
                () -> exchange.getIoThread().executeAfter(response, after.toMillis(), TimeUnit.MILLISECONDS));
    }

    private Reply answer(HttpServerExchange exchange, String path, String api, String body) {
        String requestClientId;
        try {
            requestClientId = authenticate(exchange, path, api, body);
        } catch (ApiFailure refused) {
            return gatewayRefusal(refused.result());
        }
        try {
            JsonNode json = Json.parseOrNull(body);
            if (json == null || !json.isObject()) {
                throw ApiFailure.paramIllegal("the request body is not a JSON object");
            }
            if (strictFields != null) {
                strictFields.check(api, json);
            }
            return signed(apis.get(api).answer(new ApiCall(requestClientId, RequestFields.of(json), baseUrl(exchange))));
        } catch (ApiFailure failure) {
            return signed(failure.result().asBody());
        } catch (RuntimeException unexpected) {
            LOG.error("the simulator failed on {}", path, unexpected);
            return signed(AntomResult.UNKNOWN_EXCEPTION.asBody());
        }
    }

    /** The gateway's own checks, before any API sees the request; returns the verified client id. */
    private String authenticate(HttpServerExchange exchange, String path, String api, String body) {
        if (api == null) {
            throw ApiFailure.of("NO_INTERFACE_DEF", "The API " + path + " is not defined.");
        }
        String contentType = exchange.getRequestHeaders().getFirst(Headers.CONTENT_TYPE);
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            throw ApiFailure.of("MEDIA_TYPE_NOT_ACCEPTABLE",
                    "The Content-Type must be application/json; charset=UTF-8, was " + contentType + ".");
        }
        String requestClientId = exchange.getRequestHeaders().getFirst(CLIENT_ID);
        if (requestClientId == null || !requestClientId.equals(clientId)) {
            throw ApiFailure.of("cancel".equals(api) ? "CLIENT_INVALID" : "INVALID_CLIENT",
                    requestClientId == null ? "The client-id header is missing." : "The client-id is not registered.");
        }
        verifySignature(exchange, path, requestClientId, body);
        return requestClientId;
    }

    private Reply gatewayRefusal(AntomResult refusal) {
        return new Reply(refusal.asBody(), !unsignedGatewayErrors);
    }

    private static Reply signed(ObjectNode body) {
        return new Reply(body, true);
    }

    private void verifySignature(HttpServerExchange exchange, String path, String requestClientId, String body) {
        SignatureHeader signature = SignatureHeader.parse(exchange.getRequestHeaders().getFirst(SIGNATURE))
                .orElseThrow(() -> ApiFailure.of("INVALID_SIGNATURE", "The signature header is missing or has no signature."));
        if (signature.algorithm() != null && !"RSA256".equals(signature.algorithm())) {
            throw ApiFailure.of("INVALID_SIGNATURE", "The signature algorithm must be RSA256.");
        }
        if (signature.keyVersion() != null && !"1".equals(signature.keyVersion())) {
            throw ApiFailure.of("KEY_NOT_FOUND", "No key of keyVersion " + signature.keyVersion() + " for this client.");
        }
        String requestTime = exchange.getRequestHeaders().getFirst(REQUEST_TIME);
        if (requestTime == null || requestTime.isEmpty()) {
            throw ApiFailure.of("INVALID_SIGNATURE", "The request-time header is missing.");
        }
        String content = RsaSignatures.contentToSign("POST", path, requestClientId, requestTime, body);
        if (!RsaSignatures.verify(content, signature.signature(), merchantPublicKey)) {
            throw ApiFailure.of("INVALID_SIGNATURE", "The signature is invalid.");
        }
    }

    private void send(HttpServerExchange exchange, String path, Reply reply, FaultKind signatureFault) {
        String body = Json.write(reply.body());
        exchange.setStatusCode(200);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, JSON_UTF8);
        if (reply.signed()) {
            String responseClientId = Optional.ofNullable(exchange.getRequestHeaders().getFirst(CLIENT_ID)).orElse(clientId);
            String responseTime = AntomTime.format(acquirer.now());
            exchange.getResponseHeaders().put(CLIENT_ID, responseClientId);
            exchange.getResponseHeaders().put(RESPONSE_TIME, responseTime);
            if (signatureFault != FaultKind.OMIT_SIGNATURE) {
                String signed = signatureFault == FaultKind.CORRUPT_SIGNATURE ? body + " " : body;
                String signature = RsaSignatures.sign(
                        RsaSignatures.contentToSign("POST", path, responseClientId, responseTime, signed), antomPrivateKey);
                exchange.getResponseHeaders().put(SIGNATURE, RsaSignatures.header(signature));
            }
        }
        exchange.getResponseSender().send(body, StandardCharsets.UTF_8);
    }

    private String baseUrl(HttpServerExchange exchange) {
        String fixed = fixedBaseUrl.get();
        return fixed != null ? fixed : exchange.getRequestScheme() + "://" + exchange.getHostAndPort();
    }

    private static String apiName(String path) {
        String name = path.startsWith(LIVE_PREFIX) ? path.substring(LIVE_PREFIX.length())
                : path.startsWith(SANDBOX_PREFIX) ? path.substring(SANDBOX_PREFIX.length()) : null;
        return name != null && Fault.APIS.contains(name) ? name : null;
    }
}
