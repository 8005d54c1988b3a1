package org.payengine.adapters.antom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alipay.global.api.request.ams.pay.AlipayPayQueryRequest;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The transport validates certificates — unlike the SDK's own, which trusts every chain. */
class AntomTransportTlsTest {

    private static final String INQUIRY = "{\"result\":{\"resultCode\":\"SUCCESS\",\"resultStatus\":\"S\","
            + "\"resultMessage\":\"success\"},\"paymentStatus\":\"SUCCESS\"}";

    @TempDir
    static Path directory;
    private static SelfSignedCertificate certificate;
    private static ScriptedHttpServer server;

    @BeforeAll
    static void start() throws Exception {
        certificate = SelfSignedCertificate.forLoopback(directory);
        server = ScriptedHttpServer.https(certificate.serverContext());
        server.answerSigned(INQUIRY, TestKeys.ANTOM);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void refuses_a_server_whose_certificate_is_not_trusted() {
        AntomTransport transport = new AntomTransport(settings().build());
        int receivedBefore = server.received().size();

        TransportException e = assertThrows(TransportException.class, () -> transport.call(inquiry()));

        assertEquals(TransportException.Kind.NOT_CONNECTED, e.kind());
        assertTrue(e.getMessage().contains("TLS"), e.getMessage());
        assertEquals(receivedBefore, server.received().size(), "no request may reach an untrusted server");
    }

    @Test
    void talks_to_the_same_server_once_its_certificate_is_configured_as_trusted() throws Exception {
        AntomTransport transport = new AntomTransport(settings().trustStore(certificate.trustStore()).build());

        assertEquals("SUCCESS", transport.call(inquiry()).model().getPaymentStatus().name());
    }

    private static AntomSettings.Builder settings() {
        return AntomSettings.builder()
                .clientId("test-client")
                .merchantPrivateKey(TestKeys.base64PrivateKey(TestKeys.MERCHANT))
                .antomPublicKey(TestKeys.pemPublicKey(TestKeys.ANTOM))
                .endpoint(server.baseUrl("https"))
                .connectTimeout(Duration.ofSeconds(5))
                .readTimeout(Duration.ofSeconds(5));
    }

    private static AlipayPayQueryRequest inquiry() {
        AlipayPayQueryRequest request = new AlipayPayQueryRequest();
        request.setPaymentId("p-1");
        return request;
    }
}
