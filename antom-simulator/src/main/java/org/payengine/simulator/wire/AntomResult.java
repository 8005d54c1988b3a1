package org.payengine.simulator.wire;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Antom's {@code result} envelope: a code, a status ({@code S}, {@code F} or {@code U}) and a message. */
public record AntomResult(String resultCode, String resultStatus, String resultMessage) {

    public static final AntomResult SUCCESS = new AntomResult("SUCCESS", "S", "success");
    public static final AntomResult PAYMENT_IN_PROCESS =
            new AntomResult("PAYMENT_IN_PROCESS", "U", "payment in process");
    public static final AntomResult CAPTURE_IN_PROCESS =
            new AntomResult("CAPTURE_IN_PROCESS", "U", "capture in process");
    public static final AntomResult REFUND_IN_PROCESS =
            new AntomResult("REFUND_IN_PROCESS", "U", "refund in process");
    public static final AntomResult UNKNOWN_EXCEPTION =
            new AntomResult("UNKNOWN_EXCEPTION", "U", "An API calling is failed, which is caused by unknown reasons.");

    public static AntomResult failure(String code, String message) {
        return new AntomResult(code, "F", message);
    }

    public boolean isFinal() {
        return !"U".equals(resultStatus);
    }

    public ObjectNode toJson() {
        ObjectNode node = Json.object();
        node.put("resultCode", resultCode);
        node.put("resultStatus", resultStatus);
        node.put("resultMessage", resultMessage);
        return node;
    }

    /** A body holding only this result, as Antom answers a call it refused. */
    public ObjectNode asBody() {
        ObjectNode body = Json.object();
        body.set("result", toJson());
        return body;
    }
}
