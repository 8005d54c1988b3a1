package org.payengine.application.testing;

import org.payengine.application.port.PaymentGateway;
import org.payengine.domain.id.PaymentId;
import org.payengine.domain.id.PaymentRequestId;

/** The fake keeps the gateway contract, so use-case tests on it say something about the real adapter. */
class FakePaymentGatewayTest extends PaymentGatewayContract {

    private final FakePaymentGateway gateway = new FakePaymentGateway(new TestClock(InMemoryEngine.START));

    @Override
    protected PaymentGateway gateway() {
        return gateway;
    }

    @Override
    protected void buyerPays(PaymentId paymentId, PaymentRequestId paymentRequestId) {
        gateway.buyerPays(paymentRequestId);
    }

    @Override
    protected void buyerIsDeclined(PaymentId paymentId, PaymentRequestId paymentRequestId) {
        gateway.buyerIsDeclined(paymentRequestId, "DO_NOT_HONOR");
    }
}
