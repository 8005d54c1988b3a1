package org.payengine.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Request bodies as a merchant sends them (built as JSON, so tests can bend any field). */
final class Requests {

    private Requests() {
    }

    static ObjectNode pay(String paymentRequestId, String value, String captureMode) {
        ObjectNode body = RawClient.JSON.createObjectNode();
        body.put("productCode", "CASHIER_PAYMENT");
        body.put("paymentRequestId", paymentRequestId);
        amount(body.putObject("paymentAmount"), "SGD", value);
        ObjectNode order = body.putObject("order");
        order.put("referenceOrderId", "order-" + paymentRequestId);
        order.put("orderDescription", "test order");
        amount(order.putObject("orderAmount"), "SGD", value);
        body.putObject("paymentMethod").put("paymentMethodType", "CARD");
        body.putObject("paymentFactor").put("isAuthorization", true).put("captureMode", captureMode);
        body.putObject("env").put("terminalType", "WEB").put("clientIp", "127.0.0.1");
        body.put("paymentRedirectUrl", "https://merchant.example/return");
        return body;
    }

    static ObjectNode capture(String captureRequestId, String paymentId, String currency, String value) {
        ObjectNode body = RawClient.JSON.createObjectNode();
        body.put("captureRequestId", captureRequestId);
        body.put("paymentId", paymentId);
        amount(body.putObject("captureAmount"), currency, value);
        return body;
    }

    static ObjectNode refund(String refundRequestId, String paymentId, String value) {
        ObjectNode body = RawClient.JSON.createObjectNode();
        body.put("refundRequestId", refundRequestId);
        body.put("paymentId", paymentId);
        amount(body.putObject("refundAmount"), "SGD", value);
        return body;
    }

    static ObjectNode byPaymentId(String paymentId) {
        return RawClient.JSON.createObjectNode().put("paymentId", paymentId);
    }

    static ObjectNode byPaymentRequestId(String paymentRequestId) {
        return RawClient.JSON.createObjectNode().put("paymentRequestId", paymentRequestId);
    }

    private static void amount(ObjectNode node, String currency, String value) {
        node.put("currency", currency);
        node.put("value", value);
    }
}
