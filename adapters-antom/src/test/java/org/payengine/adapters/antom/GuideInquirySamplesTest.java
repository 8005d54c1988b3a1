package org.payengine.adapters.antom;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.alibaba.fastjson.JSON;
import com.alibaba.fastjson.JSONObject;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.payengine.domain.card.CardFacts;
import org.payengine.domain.card.ThreeDSResult;
import org.payengine.domain.fact.CaptureFailed;
import org.payengine.domain.fact.CaptureProcessing;
import org.payengine.domain.fact.CaptureSucceeded;
import org.payengine.domain.fact.Fact;
import org.payengine.domain.fact.PaymentSucceeded;
import org.payengine.domain.fact.ResultCode;
import org.payengine.domain.id.CaptureId;
import org.payengine.domain.id.CaptureRequestId;
import org.payengine.domain.id.PaymentId;
import org.payengine.domain.id.PaymentRequestId;
import org.payengine.domain.money.Money;

/**
 * The inquiryPayment samples of Antom's hosted-mode card guide decode to these facts. The guide
 * shows the capture samples as {@code transactions[]} fragments, so those are read as such.
 */
class GuideInquirySamplesTest {

    private static final PaymentRequestId REQUEST = PaymentRequestId.of("paymentRequestId01");
    private static final PaymentId PAYMENT = PaymentId.of("2019060811401080010018882020035XXXX");
    private static final CaptureRequestId CAPTURE_REQUEST = CaptureRequestId.of("test_test_test_XXXX");

    @Test
    void inquiry_of_a_3ds_payment() throws Exception {
        CardFacts card = new CardFacts(null, null, null, null, null, null, "A", "Y",
                new ThreeDSResult("2.2.0", "02", "cavvSample", "sample_dsTranasctionId"), "sampleNetworkTransactionId123456");
        assertEquals(List.of(paid(card)), inquiry("inquiry-payment-3ds.json"));
    }

    @Test
    void inquiry_of_a_non_3ds_payment() throws Exception {
        CardFacts card = new CardFacts(null, null, null, null, null, null, "A", "Y", null, "sampleNetworkTransactionId123456");
        assertEquals(List.of(paid(card)), inquiry("inquiry-payment-non-3ds.json"));
    }

    @Test
    void transactions_of_a_successful_capture() {
        assertEquals(List.of(new CaptureSucceeded(PAYMENT, CAPTURE_REQUEST, CaptureId.of("2022XXXXXXXX"),
                Money.of("SGD", 4200), null)), transactions("inquiry-capture-success.json"));
    }

    @Test
    void transactions_of_a_failed_capture() {
        assertEquals(List.of(new CaptureFailed(PAYMENT, CAPTURE_REQUEST, ResultCode.of("PROCESS_FAIL"),
                "General business failure. No retry.")), transactions("inquiry-capture-failure.json"));
    }

    @Test
    void transactions_of_a_capture_in_process() {
        assertEquals(List.of(new CaptureProcessing(PAYMENT, CAPTURE_REQUEST)), transactions("inquiry-capture-processing.json"));
    }

    private static PaymentSucceeded paid(CardFacts card) {
        return new PaymentSucceeded(REQUEST, PAYMENT, Money.of("SGD", 4200), Instant.parse("2019-06-01T03:31:01Z"), null, card);
    }

    private static List<Fact> inquiry(String sample) throws Exception {
        return InquiryFacts.read(JSON.parseObject(SignedNotifications.guideSample(sample)), REQUEST, null);
    }

    private static List<Fact> transactions(String sample) {
        JSONObject fragment = JSON.parseObject(SignedNotifications.guideSample(sample));
        return InquiryFacts.transactions(fragment.getJSONArray("transactions"), PAYMENT);
    }
}
