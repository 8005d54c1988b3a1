package org.payengine.bootstrap.embedded;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.util.Base64;
import org.payengine.application.port.IdGenerator;
import org.payengine.domain.id.CaptureRequestId;
import org.payengine.domain.id.PaymentRequestId;
import org.payengine.domain.id.RefundRequestId;

/**
 * Request ids of 128 random bits (URL-safe base64, 22 characters) behind a short prefix that says what the id
 * is for when it shows up in Antom's dashboard or a log: {@code pay_…}, {@code cap_…}, {@code ref_…}. Random
 * rather than sequential, so that engine nodes sharing one database never need to agree on anything.
 */
@Singleton
public final class RandomIds implements IdGenerator {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final SecureRandom random = new SecureRandom();

    @Inject
    public RandomIds() {
    }

    @Override
    public PaymentRequestId newPaymentRequestId() {
        return PaymentRequestId.of("pay_" + randomText());
    }

    @Override
    public CaptureRequestId newCaptureRequestId() {
        return CaptureRequestId.of("cap_" + randomText());
    }

    @Override
    public RefundRequestId newRefundRequestId() {
        return RefundRequestId.of("ref_" + randomText());
    }

    private String randomText() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return ENCODER.encodeToString(bytes);
    }
}
