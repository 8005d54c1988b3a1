package org.payengine.adapters.antom;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.alipay.global.api.tools.SignatureTool;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NotificationAuthenticatorTest {

    private static final String PATH = "/notifications/antom";
    private static final String TIME = "2019-07-12T12:08:56+05:30";
    private static final String BODY = "{\"notifyType\":\"PAYMENT_RESULT\",\"result\":{\"resultCode\":\"SUCCESS\","
            + "\"resultStatus\":\"S\",\"resultMessage\":\"success\"},\"paymentRequestId\":\"r-1\"}";

    private final NotificationAuthenticator authenticator =
            new NotificationAuthenticator(new AntomSignatures(TestKeys.ANTOM.getPublic()), "client-1", 4096);

    @Test
    void accepts_a_notification_signed_by_antom_with_the_sdks_signature_tool() throws Exception {
        assertEquals(Optional.empty(), check("POST", PATH, signedHeaders(PATH, TIME, BODY, TestKeys.ANTOM), BODY));
    }

    @Test
    void accepts_epoch_milliseconds_and_a_space_after_commas_in_the_signature_header() throws Exception {
        Map<String, String> headers = signedHeaders(PATH, "1685599933871", BODY, TestKeys.ANTOM);
        headers.put("Signature", headers.remove("signature").replace(",", ", "));

        assertEquals(Optional.empty(), check("POST", PATH, headers, BODY));
    }

    @Test
    void refuses_a_changed_body_a_changed_path_and_another_key() throws Exception {
        Map<String, String> headers = signedHeaders(PATH, TIME, BODY, TestKeys.ANTOM);
        assertProblem(NotificationProblem.BAD_SIGNATURE, check("POST", PATH, headers, BODY.replace("r-1", "r-2")));
        assertProblem(NotificationProblem.BAD_SIGNATURE, check("POST", "/notifications/other", headers, BODY));
        assertProblem(NotificationProblem.BAD_SIGNATURE,
                check("POST", PATH, signedHeaders(PATH, TIME, BODY, TestKeys.STRANGER), BODY));
    }

    @Test
    void verifies_over_the_path_of_the_notify_url_antom_was_given_behind_a_proxy_that_strips_a_prefix() throws Exception {
        NotificationAuthenticator behindProxy = new NotificationAuthenticator(new AntomSignatures(TestKeys.ANTOM.getPublic()),
                "client-1", 4096, Optional.of(java.net.URI.create("https://shop.example/pay" + PATH)));
        Map<String, String> signedByAntom = signedHeaders("/pay" + PATH, TIME, BODY, TestKeys.ANTOM);

        assertEquals(Optional.empty(), behindProxy.check("POST", PATH, signedByAntom,
                BODY.getBytes(StandardCharsets.UTF_8)), "received without the prefix the proxy stripped");
        assertEquals(Optional.empty(), behindProxy.check("POST", PATH, signedHeaders(PATH, TIME, BODY, TestKeys.ANTOM),
                BODY.getBytes(StandardCharsets.UTF_8)), "a payment's own notify URL, reaching the engine unchanged");
        assertEquals(Optional.of(NotificationProblem.BAD_SIGNATURE), behindProxy.check("POST", PATH,
                signedHeaders("/elsewhere", TIME, BODY, TestKeys.ANTOM), BODY.getBytes(StandardCharsets.UTF_8)));
        assertEquals(Optional.of(NotificationProblem.BAD_SIGNATURE), behindProxy.check("POST", PATH,
                signedHeaders("/pay" + PATH, TIME, BODY, TestKeys.STRANGER), BODY.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void refuses_a_changed_request_time_or_client_id() throws Exception {
        Map<String, String> headers = signedHeaders(PATH, TIME, BODY, TestKeys.ANTOM);
        headers.put("request-time", "2019-07-12T12:08:57+05:30");
        assertProblem(NotificationProblem.BAD_SIGNATURE, check("POST", PATH, headers, BODY));

        headers = signedHeaders(PATH, TIME, BODY, TestKeys.ANTOM);
        headers.put("client-id", "client-2");
        assertProblem(NotificationProblem.CLIENT_ID_UNKNOWN, check("POST", PATH, headers, BODY));
        headers.remove("client-id");
        assertProblem(NotificationProblem.CLIENT_ID_MISSING, check("POST", PATH, headers, BODY));
    }

    @Test
    void refuses_a_missing_or_malformed_signature_header() throws Exception {
        Map<String, String> headers = signedHeaders(PATH, TIME, BODY, TestKeys.ANTOM);
        String signature = headers.remove("signature");
        assertProblem(NotificationProblem.SIGNATURE_MISSING, check("POST", PATH, headers, BODY));
        headers.put("signature", " ");
        assertProblem(NotificationProblem.SIGNATURE_MISSING, check("POST", PATH, headers, BODY));
        headers.put("signature", "algorithm=RSA256,keyVersion=1");
        assertProblem(NotificationProblem.SIGNATURE_MALFORMED, check("POST", PATH, headers, BODY));
        headers.put("signature", signature.replace("RSA256", "HS256"));
        assertProblem(NotificationProblem.SIGNATURE_MALFORMED, check("POST", PATH, headers, BODY));
        headers.put("signature", "algorithm=RSA256,keyVersion=1,signature=%zz");
        assertProblem(NotificationProblem.SIGNATURE_MALFORMED, check("POST", PATH, headers, BODY));
        headers.put("signature", "garbage");
        assertProblem(NotificationProblem.SIGNATURE_MALFORMED, check("POST", PATH, headers, BODY));
    }

    @Test
    void refuses_a_missing_or_malformed_request_time() throws Exception {
        Map<String, String> headers = signedHeaders(PATH, TIME, BODY, TestKeys.ANTOM);
        headers.remove("request-time");
        assertProblem(NotificationProblem.REQUEST_TIME_MISSING, check("POST", PATH, headers, BODY));
        headers.put("request-time", "yesterday");
        assertProblem(NotificationProblem.REQUEST_TIME_MALFORMED, check("POST", PATH, headers, BODY));
        headers.put("request-time", "2019-07-12T12:08:56");
        assertProblem(NotificationProblem.REQUEST_TIME_MALFORMED, check("POST", PATH, headers, BODY));
    }

    @Test
    void refuses_other_methods_and_oversized_bodies_before_any_cryptography() throws Exception {
        Map<String, String> headers = signedHeaders(PATH, TIME, BODY, TestKeys.ANTOM);
        assertProblem(NotificationProblem.WRONG_METHOD, check("GET", PATH, headers, BODY));
        String big = BODY.replace("r-1", "r".repeat(5000));
        assertProblem(NotificationProblem.BODY_TOO_LARGE, check("POST", PATH, signedHeaders(PATH, TIME, big, TestKeys.ANTOM), big));
    }

    private Optional<NotificationProblem> check(String method, String path, Map<String, String> headers, String body) {
        return authenticator.check(method, path, headers, body.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertProblem(NotificationProblem expected, Optional<NotificationProblem> actual) {
        assertEquals(Optional.of(expected), actual);
    }

    static Map<String, String> signedHeaders(String path, String time, String body, KeyPair signer) throws Exception {
        String signature = SignatureTool.sign("POST", path, "client-1", time, body, TestKeys.base64PrivateKey(signer));
        Map<String, String> headers = new HashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("client-id", "client-1");
        headers.put("request-time", time);
        headers.put("signature", "algorithm=RSA256,keyVersion=1,signature=" + signature);
        return headers;
    }
}
