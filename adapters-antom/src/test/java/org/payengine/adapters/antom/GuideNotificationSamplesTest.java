package org.payengine.adapters.antom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.payengine.application.port.NotificationDecoding;
import org.payengine.application.port.NotificationDecoding.Accepted;
import org.payengine.application.port.NotificationDecoding.Rejected;
import org.payengine.domain.card.CardFacts;
import org.payengine.domain.card.ThreeDSResult;
import org.payengine.domain.fact.CaptureFailed;
import org.payengine.domain.fact.CaptureSucceeded;
import org.payengine.domain.fact.PaymentSucceeded;
import org.payengine.domain.fact.ResultCode;
import org.payengine.domain.id.CaptureId;
import org.payengine.domain.id.CaptureRequestId;
import org.payengine.domain.id.PaymentId;
import org.payengine.domain.id.PaymentRequestId;
import org.payengine.domain.money.Money;

/**
 * The notification samples of Antom's hosted-mode card guide, verbatim and signed as Antom would, decode to these
 * facts.
 */
class GuideNotificationSamplesTest {

    private static final CardFacts NON_3DS_CARD = new CardFacts(null, null, null, null, null, null, "A", "Y", null,
            "sampleNetworkTransactionId123456");

    private final AntomNotificationDecoder decoder = AntomNotificationDecoder.create(AntomSettings.builder()
            .clientId(SignedNotifications.CLIENT_ID)
            .merchantPrivateKey(TestKeys.base64PrivateKey(TestKeys.MERCHANT))
            .antomPublicKey(TestKeys.base64PublicKey(TestKeys.ANTOM))
            .endpoint("SG")
            .build());

    @Test
    void notify_payment_for_a_3ds_payment() {
        CardFacts card = new CardFacts(null, null, null, null, null, null, "A", "Y",
                // the guide spells cavv "caav"; both spellings are read
                new ThreeDSResult("2.2.0", "02", "cavvSample", "sample_dsTranasctionId"), "sampleNetworkTransactionId123456");
        assertEquals(List.of(payment(card)), facts("notify-payment-3ds.json"));
    }

    @Test
    void notify_payment_for_a_non_3ds_payment() {
        assertEquals(List.of(payment(NON_3DS_CARD)), facts("notify-payment-non-3ds.json"));
    }

    @Test
    void notify_capture_success() {
        assertEquals(List.of(new CaptureSucceeded(PaymentId.of("2022XXXXXXX"), CaptureRequestId.of("captureRequestId01"),
                CaptureId.of("2022XXXXXXX"), Money.of("SGD", 4200), Instant.parse("2022-11-10T08:34:52Z"))),
                factsOf("{" + SignedNotifications.guideSample("notify-capture-success.json")));
    }

    @Test
    void notify_capture_failure() {
        assertEquals(List.of(new CaptureFailed(PaymentId.of("2022XXXXXXX"), CaptureRequestId.of("captureRequestId01"),
                ResultCode.of("PROCESS_FAIL"), "fail.")),
                factsOf("{" + SignedNotifications.guideSample("notify-capture-failure.json")));
    }

    @Test
    void the_capture_samples_as_the_guide_prints_them_lack_their_opening_brace_and_are_refused_as_not_json() {
        for (String sample : List.of("notify-capture-success.json", "notify-capture-failure.json")) {
            Rejected rejected = assertInstanceOf(Rejected.class, decoder.decode(SignedNotifications.signed(
                    SignedNotifications.guideSample(sample), TestKeys.base64PrivateKey(TestKeys.ANTOM))));
            assertEquals(NotificationDecoding.Reason.MALFORMED_BODY, rejected.reason(), sample);
        }
    }

    private static PaymentSucceeded payment(CardFacts card) {
        return new PaymentSucceeded(PaymentRequestId.of("paymentRequestId01"), PaymentId.of("2020010123456789XXXX"),
                Money.of("SGD", 4200), Instant.parse("2020-01-01T03:31:01Z"), null, card);
    }

    private List<?> facts(String sample) {
        return factsOf(SignedNotifications.guideSample(sample));
    }

    /** The guide's capture samples, with the opening brace the guide's text lacks. */
    private List<?> factsOf(String body) {
        return assertInstanceOf(Accepted.class,
                decoder.decode(SignedNotifications.signed(body, TestKeys.base64PrivateKey(TestKeys.ANTOM)))).facts();
    }
}
