package org.payengine.adapters.antom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alipay.global.api.model.ResultStatusType;
import com.alipay.global.api.request.ams.pay.AlipayPayQueryRequest;
import com.alipay.global.api.response.ams.pay.AlipayPayQueryResponse;
import com.alipay.global.api.tools.SignatureTool;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AntomTransportTest {

    private static final String INQUIRY = "{\"result\":{\"resultCode\":\"SUCCESS\",\"resultStatus\":\"S\","
            + "\"resultMessage\":\"success\"},\"paymentStatus\":\"PROCESSING\",\"paymentId\":\"p-1\"}";
    private static final String PATH = "/ams/api/v1/payments/inquiryPayment";

    private final ScriptedHttpServer server = ScriptedHttpServer.http();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void returns_an_answer_signed_by_antom_over_the_exact_bytes_and_path() throws Exception {
        server.answerSigned(INQUIRY, TestKeys.ANTOM);

        AlipayPayQueryResponse response = transport(settings()).call(inquiry()).model();

        assertEquals(ResultStatusType.S, response.getResult().getResultStatus());
        assertEquals("p-1", response.getPaymentId());
    }

    @Test
    void signs_the_request_with_the_merchant_key_like_the_sdk_does() throws Exception {
        server.answerSigned(INQUIRY, TestKeys.ANTOM);

        transport(settings()).call(inquiry());

        ScriptedHttpServer.Received request = server.received().get(0);
        assertEquals("POST", request.method());
        assertEquals(PATH, request.path());
        assertEquals("test-client", request.header("client-id"));
        assertTrue(request.header("Content-Type").startsWith("application/json"));
        String signature = SignatureHeaderValue.of(request.header("signature"));
        assertTrue(SignatureTool.verify("POST", PATH, "test-client", request.header("request-time"), request.body(),
                signature, TestKeys.base64PublicKey(TestKeys.MERCHANT)));
    }

    @Test
    void uses_and_signs_the_sandbox_path_when_configured() throws Exception {
        server.answerSigned(INQUIRY, TestKeys.ANTOM);

        transport(settingsBuilder().sandbox(true).build()).call(inquiry());

        assertEquals("/ams/sandbox/api/v1/payments/inquiryPayment", server.received().get(0).path());
    }

    @Test
    void reuses_one_connection_for_consecutive_calls() throws Exception {
        server.answerSigned(INQUIRY, TestKeys.ANTOM);
        AntomTransport transport = transport(settings());

        transport.call(inquiry());
        transport.call(inquiry());

        assertEquals(server.received().get(0).remotePort(), server.received().get(1).remotePort());
    }

    @Test
    void an_answer_without_signature_header_is_not_trusted() {
        server.script((exchange, request) ->
                ScriptedHttpServer.respond(exchange, 200, INQUIRY, Map.of("response-time", "2024-01-01T00:00:00Z")));

        assertKind(TransportException.Kind.UNSIGNED_ANSWER);
    }

    @Test
    void an_answer_without_response_time_is_not_trusted() {
        server.script((exchange, request) -> {
            Map<String, String> headers = ScriptedHttpServer.signedHeaders(request.path(), INQUIRY, TestKeys.ANTOM);
            ScriptedHttpServer.respond(exchange, 200, INQUIRY, Map.of("signature", headers.get("signature")));
        });

        assertKind(TransportException.Kind.UNSIGNED_ANSWER);
    }

    @Test
    void an_unsigned_refusal_of_the_gateway_is_passed_on_marked_unsigned() throws Exception {
        server.script((exchange, request) -> ScriptedHttpServer.respond(exchange, 200,
                "{\"result\":{\"resultCode\":\"KEY_NOT_FOUND\",\"resultStatus\":\"F\",\"resultMessage\":\"no key\"}}", Map.of()));

        AntomAnswer<AlipayPayQueryResponse> answer = transport(settings()).call(inquiry());

        assertFalse(answer.signed());
        assertEquals("KEY_NOT_FOUND", answer.model().getResult().getResultCode());
    }

    @Test
    void an_unsigned_unknown_is_passed_on_marked_unsigned() throws Exception {
        server.script((exchange, request) -> ScriptedHttpServer.respond(exchange, 200,
                "{\"result\":{\"resultCode\":\"REQUEST_TRAFFIC_EXCEED_LIMIT\",\"resultStatus\":\"U\"}}", Map.of()));

        assertFalse(transport(settings()).call(inquiry()).signed());
    }

    @Test
    void a_signed_answer_is_marked_signed() throws Exception {
        server.answerSigned(INQUIRY, TestKeys.ANTOM);

        assertTrue(transport(settings()).call(inquiry()).signed());
    }

    @Test
    void an_unsigned_success_is_not_trusted() {
        server.script((exchange, request) -> ScriptedHttpServer.respond(exchange, 200, INQUIRY, Map.of()));

        assertKind(TransportException.Kind.UNSIGNED_ANSWER);
    }

    @Test
    void an_unsigned_body_that_is_not_an_antom_result_is_not_trusted() {
        server.script((exchange, request) -> ScriptedHttpServer.respond(exchange, 200, "<html>proxy</html>", Map.of()));

        assertKind(TransportException.Kind.UNSIGNED_ANSWER);
    }

    @Test
    void too_many_requests_is_rate_limited() {
        server.script((exchange, request) -> ScriptedHttpServer.respond(exchange, 429, "slow down", Map.of()));

        assertKind(TransportException.Kind.RATE_LIMITED);
    }

    @Test
    void an_answer_signed_with_another_key_is_not_trusted() {
        server.answerSigned(INQUIRY, TestKeys.STRANGER);

        assertKind(TransportException.Kind.BAD_SIGNATURE);
    }

    @Test
    void an_answer_changed_after_signing_is_not_trusted() {
        server.script((exchange, request) -> ScriptedHttpServer.respond(exchange, 200, INQUIRY.replace("PROCESSING", "SUCCESS"),
                ScriptedHttpServer.signedHeaders(request.path(), INQUIRY, TestKeys.ANTOM)));

        assertKind(TransportException.Kind.BAD_SIGNATURE);
    }

    @Test
    void an_answer_signed_for_another_path_is_not_trusted() {
        server.script((exchange, request) -> ScriptedHttpServer.respond(exchange, 200, INQUIRY,
                ScriptedHttpServer.signedHeaders("/ams/api/v1/payments/pay", INQUIRY, TestKeys.ANTOM)));

        assertKind(TransportException.Kind.BAD_SIGNATURE);
    }

    @Test
    void a_malformed_signature_header_is_not_trusted() {
        server.script((exchange, request) -> ScriptedHttpServer.respond(exchange, 200, INQUIRY,
                Map.of("response-time", "t", "signature", "algorithm=RSA256,keyVersion=1,signature=%%%")));

        assertKind(TransportException.Kind.BAD_SIGNATURE);
    }

    @Test
    void a_server_error_is_an_unknown_outcome() {
        server.script((exchange, request) -> ScriptedHttpServer.respond(exchange, 503, "busy", Map.of()));

        assertKind(TransportException.Kind.HTTP_STATUS);
    }

    @Test
    void a_signed_answer_that_is_not_json_is_unreadable() {
        server.answerSigned("<html>gateway</html>", TestKeys.ANTOM);

        assertKind(TransportException.Kind.UNREADABLE_ANSWER);
    }

    @Test
    void a_signed_answer_without_result_is_unreadable() {
        server.answerSigned("{\"paymentId\":\"p-1\"}", TestKeys.ANTOM);

        assertKind(TransportException.Kind.UNREADABLE_ANSWER);
    }

    @Test
    void a_hung_server_times_out_after_the_configured_timeouts() {
        server.hang();
        AntomTransport transport = transport(settingsBuilder()
                .connectTimeout(Duration.ofMillis(200)).readTimeout(Duration.ofMillis(300)).build());

        TransportException e = assertThrows(TransportException.class, () -> transport.call(inquiry()));

        assertEquals(TransportException.Kind.TIMED_OUT, e.kind());
    }

    @Test
    void a_closed_port_is_not_connected() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        AntomTransport transport = transport(settingsBuilder().endpoint("http://127.0.0.1:" + closedPort).build());

        TransportException e = assertThrows(TransportException.class, () -> transport.call(inquiry()));

        assertEquals(TransportException.Kind.NOT_CONNECTED, e.kind());
    }

    @Test
    void touches_no_system_property() throws Exception {
        server.answerSigned(INQUIRY, TestKeys.ANTOM);
        Properties before = (Properties) System.getProperties().clone();

        transport(settings()).call(inquiry());

        assertEquals(before, System.getProperties());
    }

    private void assertKind(TransportException.Kind expected) {
        AntomTransport transport = transport(settings());
        TransportException e = assertThrows(TransportException.class, () -> transport.call(inquiry()));
        assertEquals(expected, e.kind(), e.getMessage());
    }

    private static AlipayPayQueryRequest inquiry() {
        AlipayPayQueryRequest request = new AlipayPayQueryRequest();
        request.setPaymentRequestId("req-1");
        return request;
    }

    private AntomSettings settings() {
        return settingsBuilder().build();
    }

    private AntomSettings.Builder settingsBuilder() {
        return AntomSettings.builder()
                .clientId("test-client")
                .merchantPrivateKey(TestKeys.pemPrivateKey(TestKeys.MERCHANT))
                .antomPublicKey(TestKeys.base64PublicKey(TestKeys.ANTOM))
                .endpoint(server.httpBaseUrl())
                .connectTimeout(Duration.ofSeconds(2))
                .readTimeout(Duration.ofSeconds(2));
    }

    private static AntomTransport transport(AntomSettings settings) {
        return new AntomTransport(settings);
    }

    /** The value after {@code signature=}, as the SDK's tools take it. */
    static final class SignatureHeaderValue {
        static String of(String header) {
            return header.substring(header.indexOf("signature=") + "signature=".length());
        }
    }
}
