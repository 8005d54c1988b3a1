package org.payengine.application.usecase;

/** Antom's APIs this engine calls, each with its own share of the node's {@link CallBudget}. */
public enum AntomApi {
    PAY("pay"),
    INQUIRY_PAYMENT("inquiryPayment"),
    CAPTURE("capture"),
    CANCEL("cancel"),
    REFUND("refund"),
    INQUIRY_REFUND("inquiryRefund"),
    CONSULT("consult");

    private final String wireName;

    AntomApi(String wireName) {
        this.wireName = wireName;
    }

    /** Antom's own name of the API, as in its paths and in metrics. */
    public String wireName() {
        return wireName;
    }
}
