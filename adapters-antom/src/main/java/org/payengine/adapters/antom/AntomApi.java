package org.payengine.adapters.antom;

/** The Antom APIs this adapter calls, by the names Antom's reference uses. */
enum AntomApi {
    PAY("pay"),
    CONSULT("consult"),
    INQUIRY_PAYMENT("inquiryPayment"),
    CAPTURE("capture"),
    CANCEL("cancel"),
    REFUND("refund"),
    INQUIRY_REFUND("inquiryRefund");

    private final String referenceName;

    AntomApi(String referenceName) {
        this.referenceName = referenceName;
    }

    String referenceName() {
        return referenceName;
    }
}
