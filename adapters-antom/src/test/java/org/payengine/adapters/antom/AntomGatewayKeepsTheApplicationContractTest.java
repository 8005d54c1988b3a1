package org.payengine.adapters.antom;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.payengine.application.port.PaymentGateway;
import org.payengine.application.testing.PaymentGatewayContract;
import org.payengine.domain.id.PaymentId;
import org.payengine.domain.id.PaymentRequestId;

/** The application's gateway contract, kept by the Antom adapter against the simulator over loopback HTTP. */
class AntomGatewayKeepsTheApplicationContractTest extends PaymentGatewayContract {

    @RegisterExtension
    static final SimulatorFixture fixture = new SimulatorFixture();

    @Override
    protected PaymentGateway gateway() {
        return fixture.gateway;
    }

    @Override
    protected void buyerPays(PaymentId paymentId, PaymentRequestId paymentRequestId) {
        fixture.antom.completePayment(paymentId.value(), SimulatorFixture.SUCCESS_VISA, false);
    }

    @Override
    protected void buyerIsDeclined(PaymentId paymentId, PaymentRequestId paymentRequestId) {
        fixture.antom.completePayment(paymentId.value(), SimulatorFixture.DECLINED_VISA, false);
    }
}
