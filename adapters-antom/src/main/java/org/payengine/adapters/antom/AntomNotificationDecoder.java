package org.payengine.adapters.antom;

import com.alibaba.fastjson.JSONObject;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.payengine.adapters.antom.AntomJson.FieldException;
import org.payengine.adapters.antom.NotificationFacts.NotifyType;
import org.payengine.application.port.NotificationDecoder;
import org.payengine.application.port.NotificationDecoding;
import org.payengine.application.port.NotificationDecoding.Accepted;
import org.payengine.application.port.NotificationDecoding.Reason;
import org.payengine.application.port.NotificationDecoding.Rejected;
import org.payengine.application.port.RawNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Antom's notifications ({@code notifyPayment} with {@code PAYMENT_RESULT} or
 * {@code PAYMENT_PENDING}, {@code notifyCapture}, {@code notifyRefund}) as domain facts.
 *
 * <p>Nothing in the body is read before the notification is proven Antom's: method {@code POST},
 * body within the size limit, a well-formed {@code signature} and {@code request-time}, this
 * merchant's {@code client-id}, and a signature that verifies with Antom's public key over
 * {@code POST <path as received>\n<client-id>.<request-time verbatim>.<raw body>}. Each refusal
 * carries its own explanation. An accepted notification is answered with Antom's required
 * acknowledgement, {@value #ACKNOWLEDGEMENT}, once its facts are stored.
 *
 * <p>Thread-safe and stateless; never throws for bad input.
 */
public final class AntomNotificationDecoder implements NotificationDecoder {

    /** The body Antom requires in answer, byte for byte; anything else makes Antom resend. */
    public static final String ACKNOWLEDGEMENT =
            "{\"result\":{\"resultCode\":\"SUCCESS\",\"resultStatus\":\"S\",\"resultMessage\":\"success\"}}";

    private static final Logger LOG = LoggerFactory.getLogger(AntomNotificationDecoder.class);

    private final NotificationAuthenticator authenticator;

    private AntomNotificationDecoder(NotificationAuthenticator authenticator) {
        this.authenticator = authenticator;
    }

    /** A decoder that accepts only what Antom signed for the client id of {@code settings}. */
    public static AntomNotificationDecoder create(AntomSettings settings) {
        return new AntomNotificationDecoder(new NotificationAuthenticator(new AntomSignatures(settings.antomPublicKey()),
                settings.clientId(), settings.maxNotificationBytes(), settings.notifyUrl()));
    }

    @Override
    public NotificationDecoding decode(RawNotification notification) {
        byte[] body = notification.body();
        Optional<NotificationProblem> problem =
                authenticator.check(notification.method(), notification.path(), notification.headers(), body);
        if (problem.isPresent()) {
            if (problem.get() == NotificationProblem.BAD_SIGNATURE) {
                LOG.warn("ALARM notification refused, signature does not verify: {} ({} bytes)",
                        notification.path(), body.length);
            }
            return reject(problem.get(), problem.get().explanation());
        }
        JSONObject json = jsonObject(body);
        if (json == null) {
            return reject(NotificationProblem.MALFORMED_JSON, NotificationProblem.MALFORMED_JSON.explanation());
        }
        NotifyType type = NotifyType.of(json.getString("notifyType"));
        if (type == null) {
            return reject(NotificationProblem.UNKNOWN_NOTIFY_TYPE, "notifyType '" + json.getString("notifyType")
                    + "' is not PAYMENT_RESULT, PAYMENT_PENDING, CAPTURE_RESULT or REFUND_RESULT");
        }
        try {
            NotificationFacts.Decoded decoded = NotificationFacts.decode(type, json);
            return new Accepted(decoded.facts(), decoded.dedupKey(), ACKNOWLEDGEMENT);
        } catch (FieldException e) {
            return reject(NotificationProblem.MISSING_FIELD, type + ": " + e.getMessage());
        }
    }

    private static JSONObject jsonObject(byte[] body) {
        try {
            return AntomJson.parseUntrusted(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString());
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static Rejected reject(NotificationProblem problem, String message) {
        return new Rejected(reasonOf(problem), problem.name() + ": " + message);
    }

    private static Reason reasonOf(NotificationProblem problem) {
        switch (problem) {
            case WRONG_METHOD:
                return Reason.WRONG_METHOD;
            case BODY_TOO_LARGE:
                return Reason.OVERSIZED_BODY;
            case SIGNATURE_MISSING:
            case REQUEST_TIME_MISSING:
            case CLIENT_ID_MISSING:
                return Reason.MISSING_HEADER;
            case SIGNATURE_MALFORMED:
            case REQUEST_TIME_MALFORMED:
                return Reason.MALFORMED_HEADER;
            case CLIENT_ID_UNKNOWN:
                return Reason.UNKNOWN_CLIENT;
            case BAD_SIGNATURE:
                return Reason.BAD_SIGNATURE;
            case UNKNOWN_NOTIFY_TYPE:
                return Reason.UNKNOWN_NOTIFY_TYPE;
            default:
                return Reason.MALFORMED_BODY;
        }
    }
}
