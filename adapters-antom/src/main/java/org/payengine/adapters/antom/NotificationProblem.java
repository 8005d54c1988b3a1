package org.payengine.adapters.antom;

/**
 * Why a notification claiming to come from Antom is refused. Each problem is distinct so that an
 * operator can tell a misconfigured proxy from a forgery from a new Antom message type.
 */
enum NotificationProblem {
    WRONG_METHOD("Antom sends notifications with POST"),
    BODY_TOO_LARGE("the body is larger than the configured limit"),
    SIGNATURE_MISSING("the signature header is missing or empty"),
    SIGNATURE_MALFORMED("the signature header is not algorithm=RSA256,keyVersion=N,signature=<url-encoded base64>"),
    REQUEST_TIME_MISSING("the request-time header is missing or empty"),
    REQUEST_TIME_MALFORMED("the request-time header is neither epoch milliseconds nor an ISO 8601 time with offset"),
    CLIENT_ID_MISSING("the client-id header is missing or empty"),
    CLIENT_ID_UNKNOWN("the client-id header names another client"),
    BAD_SIGNATURE("the signature does not verify with Antom's public key over method, path, client-id, request-time and body"),
    MALFORMED_JSON("the body is not a UTF-8 JSON object"),
    UNKNOWN_NOTIFY_TYPE("notifyType is missing or not one this engine handles"),
    MISSING_FIELD("a field the notification type requires is missing or invalid");

    private final String explanation;

    NotificationProblem(String explanation) {
        this.explanation = explanation;
    }

    String explanation() {
        return explanation;
    }
}
