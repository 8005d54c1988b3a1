package org.payengine.adapters.antom;

import com.alibaba.fastjson.JSON;
import com.alibaba.fastjson.JSONObject;
import com.alipay.global.api.BaseAlipayClient;
import com.alipay.global.api.exception.AlipayApiException;
import com.alipay.global.api.net.HttpRpcResult;
import com.alipay.global.api.request.AlipayRequest;
import com.alipay.global.api.response.AlipayResponse;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManagerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SDK's client with a safe transport. The SDK still builds the JSON, signs the request with
 * {@code SignatureTool} and parses the answer into its models; this class replaces only
 * {@code sendRequest}, which in the SDK's {@code DefaultHttpRPC} trusts every certificate, speaks
 * HTTPS only, waits 15 s, sets JVM-wide system properties and lets unsigned answers through.
 *
 * <p>Here: one shared {@link HttpClient} (connection reuse) with normal certificate and host-name
 * validation (the JDK trust store or a configured one), the configured timeouts, plain HTTP only
 * where {@link AntomEndpoint} allowed it, no system property touched — and an answer that carries
 * a {@code signature} and {@code response-time} must verify with Antom's public key over the exact
 * bytes received and the path requested.
 *
 * <p>Antom's gateway answers its own errors (a wrong key or client id: {@code INVALID_SIGNATURE},
 * {@code KEY_NOT_FOUND}, …) without either header. Like the SDK's hardened verification (Java SDK pull
 * request #222, merged in the Python and PHP SDKs), an answer with <em>neither</em> header is passed
 * on, marked unsigned, only when its {@code result.resultStatus} is {@code F} or {@code U}; the
 * gateway decides what such an answer may mean. An unsigned {@code S}, an unsigned body that is not
 * an Antom result, and an answer with only one of the two headers are never trusted. Anything not
 * trusted raises {@link TransportException} (the outcome of the call is unknown) and is logged as an
 * alarm.
 */
final class AntomTransport extends BaseAlipayClient {

    private static final Logger LOG = LoggerFactory.getLogger(AntomTransport.class);
    private static final String USER_AGENT = "payengine (global-open-sdk-java models)";

    private final HttpClient http;
    /** The body {@code execute} parsed, handed from {@code sendRequest} to {@code call} on the same thread. */
    private final ThreadLocal<Received> lastReceived = new ThreadLocal<>();
    private final AntomSignatures signatures;
    private final String clientId;
    private final boolean sandbox;
    private final Duration readTimeout;
    private final Duration deadline;

    AntomTransport(AntomSettings settings) {
        super(settings.endpoint().baseUrl().toString(),
                Base64.getEncoder().encodeToString(settings.merchantPrivateKey().getEncoded()),
                Base64.getEncoder().encodeToString(settings.antomPublicKey().getEncoded()));
        JdkBase64.install();
        this.clientId = settings.clientId();
        this.sandbox = settings.sandbox();
        this.signatures = new AntomSignatures(settings.antomPublicKey());
        this.readTimeout = settings.readTimeout();
        // the request timeout covers the wait for the status line; this bounds the whole exchange
        this.deadline = settings.connectTimeout().plus(settings.readTimeout());
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .sslContext(sslContext(settings.trustStore()))
                .build();
    }

    /** An answer's body as received, and whether Antom signed it (verified) or not (an {@code F} or {@code U}). */
    private record Received(String text, boolean signed) {
    }

    /**
     * Sends one request (with this client id, on the sandbox path if configured) and returns
     * Antom's parsed answer, which always has a {@code result} with a known status: verified, or
     * unsigned with status {@code F} or {@code U} ({@link AntomAnswer#signed()} tells which).
     *
     * @throws TransportException when there is no answer the engine may trust
     */
    <T extends AlipayResponse> AntomAnswer<T> call(AlipayRequest<T> request) throws TransportException {
        try {
            T model = callSdk(request);
            Received received = lastReceived.get();
            return new AntomAnswer<>(model, JSON.parseObject(received.text()), received.signed());
        } catch (RuntimeException e) {
            throw new TransportException(TransportException.Kind.UNREADABLE_ANSWER,
                    request.getPath() + ": answer is not a JSON object: " + e.getClass().getSimpleName(), e);
        } finally {
            lastReceived.remove();
        }
    }

    private <T extends AlipayResponse> T callSdk(AlipayRequest<T> request) throws TransportException {
        request.setClientId(clientId);
        if (sandbox) {
            request.setPath(request.getPath().replaceFirst("^/ams/api/", "/ams/sandbox/api/"));
        }
        T response;
        try {
            response = execute(request);
        } catch (TransportException e) {
            throw e;
        } catch (AlipayApiException e) {
            if (String.valueOf(e.getMessage()).startsWith("generate signature error")) {
                throw new TransportException(TransportException.Kind.NOT_CONNECTED,
                        request.getPath() + ": request could not be signed, so it was not sent", e);
            }
            throw new TransportException(TransportException.Kind.UNREADABLE_ANSWER,
                    request.getPath() + ": " + firstLine(e.getMessage()), e);
        } catch (RuntimeException e) {
            // fastjson's JSONException and friends: a verified answer that is not the JSON expected
            throw new TransportException(TransportException.Kind.UNREADABLE_ANSWER,
                    request.getPath() + ": answer is not the JSON expected: " + e.getClass().getSimpleName(), e);
        }
        if (response.getResult() == null || response.getResult().getResultStatus() == null) {
            throw new TransportException(TransportException.Kind.UNREADABLE_ANSWER,
                    request.getPath() + ": answer has no result status S, F or U");
        }
        return response;
    }

    /** The SDK puts the whole answer body into some messages: keep the log to the reason. */
    private static String firstLine(String message) {
        if (message == null) {
            return "no detail";
        }
        int body = message.indexOf("rspBody");
        return body < 0 ? message : message.substring(0, body).strip();
    }

    @Override
    public Map<String, String> buildCustomHeader() {
        return Map.of("User-Agent", USER_AGENT);
    }

    @Override
    public HttpRpcResult sendRequest(String requestUrl, String httpMethod, Map<String, String> headers,
            String body) throws AlipayApiException {
        URI uri = URI.create(requestUrl);
        String path = uri.getRawPath();
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(readTimeout)
                .method(httpMethod, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        HttpResponse<byte[]> response = exchange(request.build(), path);
        if (response.statusCode() == 429) {
            throw new TransportException(TransportException.Kind.RATE_LIMITED, "HTTP 429 from " + path);
        }
        if (response.statusCode() != 200) {
            throw new TransportException(TransportException.Kind.HTTP_STATUS,
                    "HTTP " + response.statusCode() + " from " + path);
        }
        byte[] bytes = response.body();
        String signatureHeader = response.headers().firstValue("signature").filter(value -> !value.isBlank()).orElse(null);
        String responseTime = response.headers().firstValue("response-time").filter(value -> !value.isBlank()).orElse(null);
        if (signatureHeader == null && responseTime == null) {
            return unsigned(path, bytes);
        }
        if (signatureHeader == null || responseTime == null) {
            String missing = signatureHeader == null ? "signature header" : "response-time header";
            LOG.error("ALARM answer from Antom with an incomplete signature: {} lacks the {} ({} bytes); not trusted",
                    path, missing, bytes.length);
            throw new TransportException(TransportException.Kind.UNSIGNED_ANSWER, path + " lacks the " + missing);
        }
        verify(path, responseTime, bytes, signatureHeader);
        String text = utf8(bytes, path);
        lastReceived.set(new Received(text, true));
        // Verified once, above, over the exact bytes received. The signature is not handed on: the SDK would verify
        // it again over the same text, parsing Antom's public key from Base64 on every answer to do so.
        return rpcResult(text);
    }

    /**
     * An answer without signature headers: Antom's gateway answers its own errors so. Passed on (and left
     * unverified by the SDK, which skips verification without the headers) only when it is a result with status
     * {@code F} or {@code U}; an unsigned success or anything else is never trusted.
     */
    private HttpRpcResult unsigned(String path, byte[] bytes) throws TransportException {
        String text = utf8(bytes, path);
        String status = resultStatusOf(text);
        if ("F".equals(status) || "U".equals(status)) {
            lastReceived.set(new Received(text, false));
            return rpcResult(text);
        }
        LOG.error("ALARM unsigned answer from Antom: {} {} without a signature ({} bytes); not trusted", path,
                status == null ? "is no Antom result" : "claims status " + status, bytes.length);
        throw new TransportException(TransportException.Kind.UNSIGNED_ANSWER, path + " is unsigned and "
                + (status == null ? "no Antom result" : "claims status " + status));
    }

    /** {@code result.resultStatus} of a body, or null when the body is not an Antom result. */
    private static String resultStatusOf(String text) {
        JSONObject body = AntomJson.parseUntrusted(text);
        Object result = body == null ? null : body.get("result");
        return result instanceof JSONObject ? ((JSONObject) result).getString("resultStatus") : null;
    }

    private static HttpRpcResult rpcResult(String text) {
        HttpRpcResult result = new HttpRpcResult();
        result.setRspCode(200);
        result.setRspBody(text);
        return result;
    }

    private void verify(String path, String responseTime, byte[] body, String header) throws TransportException {
        SignatureHeader signature;
        try {
            signature = SignatureHeader.parse(header);
        } catch (SignatureHeader.MalformedException e) {
            LOG.error("ALARM answer from Antom with a malformed signature header: {} (signature header {});"
                    + " not trusted", path, e.getMessage());
            throw new TransportException(TransportException.Kind.BAD_SIGNATURE,
                    path + ": signature header " + e.getMessage());
        }
        if (!signatures.verify("POST", path, clientId, responseTime, body, signature.signature())) {
            LOG.error("ALARM answer from Antom whose signature does not verify with Antom's public key: {}"
                    + " ({} bytes); not trusted", path, body.length);
            throw new TransportException(TransportException.Kind.BAD_SIGNATURE,
                    path + ": signature does not verify with Antom's public key");
        }
    }

    private HttpResponse<byte[]> exchange(HttpRequest request, String path) throws TransportException {
        CompletableFuture<HttpResponse<byte[]>> pending =
                http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
        try {
            return pending.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            pending.cancel(true);
            throw new TransportException(TransportException.Kind.TIMED_OUT,
                    path + ": no complete answer within " + deadline.toMillis() + " ms");
        } catch (InterruptedException e) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            throw new TransportException(TransportException.Kind.INTERRUPTED, path + ": interrupted while waiting");
        } catch (ExecutionException e) {
            throw failure(path, e.getCause());
        }
    }

    private static TransportException failure(String path, Throwable cause) {
        if (cause instanceof HttpConnectTimeoutException || cause instanceof ConnectException) {
            return new TransportException(TransportException.Kind.NOT_CONNECTED,
                    path + ": " + describe(cause), cause);
        }
        if (cause instanceof HttpTimeoutException) {
            return new TransportException(TransportException.Kind.TIMED_OUT, path + ": " + describe(cause), cause);
        }
        if (cause instanceof SSLException) {
            // a certificate that does not validate: the request was never sent
            return new TransportException(TransportException.Kind.NOT_CONNECTED,
                    path + ": TLS refused: " + describe(cause), cause);
        }
        if (cause instanceof IOException) {
            return new TransportException(TransportException.Kind.BROKEN_CONNECTION,
                    path + ": " + describe(cause), cause);
        }
        return new TransportException(TransportException.Kind.BROKEN_CONNECTION,
                path + ": unexpected " + describe(cause), cause);
    }

    private static String describe(Throwable cause) {
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : " " + cause.getMessage());
    }

    private static String utf8(byte[] bytes, String path) throws TransportException {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new TransportException(TransportException.Kind.UNREADABLE_ANSWER, path + ": body is not UTF-8");
        }
    }

    /** The SDK's own verification takes the value of {@code signature=} only. */
    private static SSLContext sslContext(Optional<KeyStore> trustStore) {
        try {
            if (trustStore.isEmpty()) {
                return SSLContext.getDefault();
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trustStore.get());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up TLS for Antom: " + e.getMessage(), e);
        }
    }
}
