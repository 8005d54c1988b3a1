package org.payengine.adapters.antom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.payengine.application.port.NotificationDecoding;
import org.payengine.application.port.NotificationDecoding.Accepted;
import org.payengine.application.port.NotificationDecoding.Reason;
import org.payengine.application.port.NotificationDecoding.Rejected;
import org.payengine.application.port.RawNotification;
import org.payengine.domain.fact.CaptureProcessing;
import org.payengine.domain.fact.PaymentFailed;
import org.payengine.domain.fact.PaymentInProcess;
import org.payengine.domain.fact.RefundFailed;
import org.payengine.domain.fact.RefundSucceeded;
import org.payengine.domain.fact.ResultCode;
import org.payengine.domain.id.PaymentId;
import org.payengine.domain.id.PaymentRequestId;
import org.payengine.domain.id.RefundId;
import org.payengine.domain.id.RefundRequestId;
import org.payengine.domain.money.Money;

class AntomNotificationDecoderTest {

    private static final String ANTOM_KEY = TestKeys.base64PrivateKey(TestKeys.ANTOM);
    private static final String PAID = "{\"notifyType\":\"PAYMENT_RESULT\",\"result\":{\"resultCode\":\"SUCCESS\","
            + "\"resultStatus\":\"S\",\"resultMessage\":\"success\"},\"paymentRequestId\":\"r-1\",\"paymentId\":\"p-1\","
            + "\"paymentAmount\":{\"currency\":\"SGD\",\"value\":\"4200\"},\"paymentTime\":\"2020-01-01T12:01:01+08:30\"}";

    private final AntomNotificationDecoder decoder = AntomNotificationDecoder.create(AntomSettings.builder()
            .clientId(SignedNotifications.CLIENT_ID)
            .merchantPrivateKey(TestKeys.base64PrivateKey(TestKeys.MERCHANT))
            .antomPublicKey(TestKeys.base64PublicKey(TestKeys.ANTOM))
            .endpoint("SG")
            .maxNotificationBytes(4096)
            .build());

    @Test
    void accepts_what_antom_signed_and_answers_with_antoms_exact_acknowledgement() {
        Accepted accepted = accept(SignedNotifications.signed(PAID, ANTOM_KEY));

        assertEquals("{\"result\":{\"resultCode\":\"SUCCESS\",\"resultStatus\":\"S\",\"resultMessage\":\"success\"}}",
                accepted.acknowledgement());
        assertEquals(1, accepted.facts().size());
        assertTrue(accepted.dedupKey().startsWith("PAYMENT_RESULT:r-1:"), accepted.dedupKey());
    }

    @Test
    void a_notify_url_with_a_path_prefix_a_proxy_strips_is_verified_over_the_path_antom_was_given() {
        AntomNotificationDecoder behindProxy = AntomNotificationDecoder.create(AntomSettings.builder()
                .clientId(SignedNotifications.CLIENT_ID)
                .merchantPrivateKey(TestKeys.base64PrivateKey(TestKeys.MERCHANT))
                .antomPublicKey(TestKeys.base64PublicKey(TestKeys.ANTOM))
                .endpoint("SG")
                .notifyUrl("https://shop.example/pay" + SignedNotifications.PATH)
                .build());
        RawNotification signedForThePrefix = SignedNotifications.signed(PAID, ANTOM_KEY);
        RawNotification received = SignedNotifications.with(signedForThePrefix, "POST", SignedNotifications.PATH,
                SignedNotifications.headers("/pay" + SignedNotifications.PATH, PAID, ANTOM_KEY),
                PAID.getBytes(StandardCharsets.UTF_8));

        assertInstanceOf(Accepted.class, behindProxy.decode(received));
        assertInstanceOf(Rejected.class, decoder.decode(received),
                "without the notify URL, the path received is all there is to verify over");
    }

    @Test
    void a_resend_has_the_same_dedup_key_and_another_result_another() {
        String first = accept(SignedNotifications.signed(PAID, ANTOM_KEY)).dedupKey();
        String resent = accept(SignedNotifications.signed(PAID.replace("{\"notifyType\"", " {\"notifyType\""), ANTOM_KEY))
                .dedupKey();
        String failed = accept(SignedNotifications.signed(PAID.replace("\"S\"", "\"F\"").replace("\"SUCCESS\"",
                "\"DO_NOT_HONOR\""), ANTOM_KEY)).dedupKey();

        assertEquals(first, resent);
        assertNotEquals(first, failed);
    }

    @Test
    void refuses_a_changed_body_a_changed_path_and_another_key() {
        RawNotification genuine = SignedNotifications.signed(PAID, ANTOM_KEY);

        assertRejected(Reason.BAD_SIGNATURE, "BAD_SIGNATURE", SignedNotifications.with(genuine, "POST", genuine.path(),
                genuine.headers(), PAID.replace("4200", "4201").getBytes(StandardCharsets.UTF_8)));
        assertRejected(Reason.BAD_SIGNATURE, "BAD_SIGNATURE", SignedNotifications.with(genuine, "POST",
                "/notifications/antom2", genuine.headers(), genuine.body()));
        assertRejected(Reason.BAD_SIGNATURE, "BAD_SIGNATURE",
                SignedNotifications.signed(PAID, TestKeys.base64PrivateKey(TestKeys.STRANGER)));
    }

    @Test
    void refuses_missing_or_malformed_headers_each_with_its_own_reason() {
        RawNotification genuine = SignedNotifications.signed(PAID, ANTOM_KEY);

        assertRejected(Reason.MISSING_HEADER, "SIGNATURE_MISSING", withHeader(genuine, "signature", null));
        assertRejected(Reason.MALFORMED_HEADER, "SIGNATURE_MALFORMED", withHeader(genuine, "signature", "algorithm=RSA256"));
        assertRejected(Reason.MISSING_HEADER, "REQUEST_TIME_MISSING", withHeader(genuine, "request-time", null));
        assertRejected(Reason.MALFORMED_HEADER, "REQUEST_TIME_MALFORMED", withHeader(genuine, "request-time", "noon"));
        assertRejected(Reason.MISSING_HEADER, "CLIENT_ID_MISSING", withHeader(genuine, "client-id", null));
        assertRejected(Reason.UNKNOWN_CLIENT, "CLIENT_ID_UNKNOWN", withHeader(genuine, "client-id", "client-2"));
        assertRejected(Reason.WRONG_METHOD, "WRONG_METHOD",
                SignedNotifications.with(genuine, "PUT", genuine.path(), genuine.headers(), genuine.body()));
    }

    @Test
    void refuses_an_oversized_body_malformed_json_an_unknown_type_and_missing_fields() {
        assertRejected(Reason.OVERSIZED_BODY, "BODY_TOO_LARGE",
                SignedNotifications.signed(PAID.replace("r-1", "r".repeat(4096)), ANTOM_KEY));
        assertRejected(Reason.MALFORMED_BODY, "MALFORMED_JSON", SignedNotifications.signed("{\"notifyType\":", ANTOM_KEY));
        assertRejected(Reason.MALFORMED_BODY, "MALFORMED_JSON", SignedNotifications.signed("[1,2]", ANTOM_KEY));
        assertRejected(Reason.UNKNOWN_NOTIFY_TYPE, "DISPUTE_RESULT",
                SignedNotifications.signed(PAID.replace("PAYMENT_RESULT", "DISPUTE_RESULT"), ANTOM_KEY));
        assertRejected(Reason.MALFORMED_BODY, "paymentRequestId is missing",
                SignedNotifications.signed(PAID.replace("\"paymentRequestId\"", "\"x\""), ANTOM_KEY));
        assertRejected(Reason.MALFORMED_BODY, "paymentAmount.value is missing",
                SignedNotifications.signed(PAID.replace("\"value\"", "\"v\""), ANTOM_KEY));
        assertRejected(Reason.MALFORMED_BODY, "result is missing",
                SignedNotifications.signed(PAID.replace("\"result\"", "\"r\""), ANTOM_KEY));
        assertRejected(Reason.MALFORMED_BODY, "paymentRequestId is invalid",
                SignedNotifications.signed(PAID.replace("r-1", "r".repeat(65)), ANTOM_KEY));
    }

    @Test
    void a_failed_payment_is_a_failure_with_antoms_code_and_a_pending_one_is_in_process() {
        String declined = PAID.replace("\"S\"", "\"F\"").replace("\"SUCCESS\"", "\"DO_NOT_HONOR\"");
        assertEquals(List.of(new PaymentFailed(PaymentRequestId.of("r-1"), PaymentId.of("p-1"),
                ResultCode.of("DO_NOT_HONOR"), "success")), accept(SignedNotifications.signed(declined, ANTOM_KEY)).facts());

        String pending = PAID.replace("PAYMENT_RESULT", "PAYMENT_PENDING");
        assertEquals(List.of(new PaymentInProcess(PaymentRequestId.of("r-1"), PaymentId.of("p-1"), null)),
                accept(SignedNotifications.signed(pending, ANTOM_KEY)).facts());
    }

    @Test
    void an_unknown_status_is_never_a_failure() {
        String unknown = PAID.replace("\"S\"", "\"U\"").replace("\"SUCCESS\"", "\"UNKNOWN_EXCEPTION\"");
        assertInstanceOf(PaymentInProcess.class, accept(SignedNotifications.signed(unknown, ANTOM_KEY)).facts().get(0));

        String capture = "{\"notifyType\":\"CAPTURE_RESULT\",\"result\":{\"resultCode\":\"CAPTURE_IN_PROCESS\","
                + "\"resultStatus\":\"U\"},\"paymentId\":\"p-1\",\"captureRequestId\":\"c-1\"}";
        assertInstanceOf(CaptureProcessing.class, accept(SignedNotifications.signed(capture, ANTOM_KEY)).facts().get(0));
    }

    @Test
    void decodes_refund_results_by_refund_status() {
        String refunded = "{\"notifyType\":\"REFUND_RESULT\",\"result\":{\"resultCode\":\"SUCCESS\",\"resultStatus\":\"S\","
                + "\"resultMessage\":\"success\"},\"refundStatus\":\"SUCCESS\",\"refundRequestId\":\"rf-1\",\"refundId\":\"R-1\","
                + "\"refundAmount\":{\"currency\":\"JPY\",\"value\":\"500\"},\"refundTime\":\"2024-02-01T10:00:00+09:00\"}";
        assertEquals(List.of(new RefundSucceeded(RefundRequestId.of("rf-1"), RefundId.of("R-1"), Money.of("JPY", 500),
                Instant.parse("2024-02-01T01:00:00Z"))), accept(SignedNotifications.signed(refunded, ANTOM_KEY)).facts());

        String failed = refunded.replace("\"refundStatus\":\"SUCCESS\"", "\"refundStatus\":\"FAIL\"")
                .replace("\"resultCode\":\"SUCCESS\",\"resultStatus\":\"S\"", "\"resultCode\":\"REFUND_WINDOW_EXCEED\",\"resultStatus\":\"F\"");
        assertEquals(List.of(new RefundFailed(RefundRequestId.of("rf-1"), ResultCode.of("REFUND_WINDOW_EXCEED"), "success")),
                accept(SignedNotifications.signed(failed, ANTOM_KEY)).facts());
    }

    private Accepted accept(RawNotification notification) {
        NotificationDecoding decoding = decoder.decode(notification);
        return assertInstanceOf(Accepted.class, decoding, decoding.toString());
    }

    private void assertRejected(Reason reason, String inMessage, RawNotification notification) {
        NotificationDecoding decoding = decoder.decode(notification);
        Rejected rejected = assertInstanceOf(Rejected.class, decoding, decoding.toString());
        assertEquals(reason, rejected.reason(), rejected.message());
        assertTrue(rejected.message().contains(inMessage), rejected.message());
    }

    private static RawNotification withHeader(RawNotification notification, String name, String value) {
        Map<String, String> headers = new HashMap<>(notification.headers());
        headers.remove(name);
        if (value != null) {
            headers.put(name, value);
        }
        return SignedNotifications.with(notification, notification.method(), notification.path(), headers,
                notification.body());
    }
}
