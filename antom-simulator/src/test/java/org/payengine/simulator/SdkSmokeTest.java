package org.payengine.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.alipay.global.api.AlipayClient;
import com.alipay.global.api.request.ams.pay.AlipayPayQueryRequest;
import com.alipay.global.api.response.ams.pay.AlipayPayQueryResponse;
import com.alipay.global.api.response.ams.pay.AlipayPayResponse;
import org.junit.jupiter.api.Test;

class SdkSmokeTest {

    @Test
    void pay_then_inquire_through_the_stock_client() throws Exception {
        Sdk.init();
        try (AntomSimulator antom = AntomSimulator.builder().tls(true).build().start()) {
            AlipayClient client = Sdk.client(antom);
            AlipayPayResponse pay = client.execute(Sdk.pay("smoke-1", "4200", false));
            assertEquals("PAYMENT_IN_PROCESS", pay.getResult().getResultCode());
            assertNotNull(pay.getNormalUrl());
            antom.completePayment(pay.getPaymentId(), "4054695723100768", true);
            AlipayPayQueryRequest query = new AlipayPayQueryRequest();
            query.setPaymentRequestId("smoke-1");
            AlipayPayQueryResponse inquiry = client.execute(query);
            assertEquals("SUCCESS", inquiry.getPaymentStatus().name());
        }
    }
}
