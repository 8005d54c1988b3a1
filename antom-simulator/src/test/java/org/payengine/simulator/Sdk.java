package org.payengine.simulator;

import com.alipay.global.api.AlipayClient;
import com.alipay.global.api.DefaultAlipayClient;
import com.alipay.global.api.base64.Base64Encryptor;
import com.alipay.global.api.model.ams.Amount;
import com.alipay.global.api.model.ams.Buyer;
import com.alipay.global.api.model.ams.Env;
import com.alipay.global.api.model.ams.Order;
import com.alipay.global.api.model.ams.PaymentFactor;
import com.alipay.global.api.model.ams.PaymentMethod;
import com.alipay.global.api.model.ams.ProductCodeType;
import com.alipay.global.api.model.ams.TerminalType;
import com.alipay.global.api.request.ams.pay.AlipayPayRequest;
import com.alipay.global.api.tools.SignatureTool;
import java.util.Base64;

/** The official SDK as a test client: Java 17 Base64, the stock client, and request builders. */
final class Sdk {

    static {
        SignatureTool.setBase64Encryptor(new Base64Encryptor() {
            @Override
            public String encodeToString(byte[] data) {
                return Base64.getEncoder().encodeToString(data);
            }

            @Override
            public byte[] decode(String data) {
                return Base64.getDecoder().decode(data);
            }
        });
    }

    private Sdk() {
    }

    /** Makes sure the SDK's Base64 is set before any SDK call. */
    static void init() {
        // the static initialiser does the work
    }

    /** The stock client against a simulator started with TLS (sandbox mode: the client id starts with SANDBOX_). */
    static AlipayClient client(AntomSimulator antom) {
        return new DefaultAlipayClient(antom.baseUrl(), antom.merchantPrivateKey(), antom.antomPublicKey(), antom.clientId());
    }

    static Amount amount(String currency, String value) {
        Amount amount = new Amount();
        amount.setCurrency(currency);
        amount.setValue(value);
        return amount;
    }

    /** A hosted-mode card payment request like the guide's. */
    static AlipayPayRequest pay(String paymentRequestId, String value, boolean manualCapture) {
        AlipayPayRequest request = new AlipayPayRequest();
        request.setProductCode(ProductCodeType.CASHIER_PAYMENT);
        request.setPaymentRequestId(paymentRequestId);
        request.setPaymentAmount(amount("SGD", value));
        PaymentMethod method = new PaymentMethod();
        method.setPaymentMethodType("CARD");
        request.setPaymentMethod(method);
        PaymentFactor factor = new PaymentFactor();
        factor.setIsAuthorization(true);
        factor.setCaptureMode(manualCapture ? "MANUAL" : "AUTOMATIC");
        request.setPaymentFactor(factor);
        Order order = new Order();
        order.setReferenceOrderId("order-" + paymentRequestId);
        order.setOrderDescription("test order");
        order.setOrderAmount(amount("SGD", value));
        Buyer buyer = new Buyer();
        buyer.setReferenceBuyerId("buyer-1");
        order.setBuyer(buyer);
        request.setOrder(order);
        Env env = new Env();
        env.setTerminalType(TerminalType.WEB);
        env.setClientIp("127.0.0.1");
        request.setEnv(env);
        request.setPaymentRedirectUrl("https://merchant.example/return");
        return request;
    }
}
