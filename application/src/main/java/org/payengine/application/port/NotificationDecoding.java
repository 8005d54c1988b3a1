package org.payengine.application.port;

import java.util.List;
import java.util.Objects;
import org.payengine.domain.Text;
import org.payengine.domain.fact.Fact;

/** What a {@link NotificationDecoder} made of a raw notification. */
public sealed interface NotificationDecoding permits NotificationDecoding.Accepted, NotificationDecoding.Rejected {

    /**
     * A notification that is verifiably Antom's.
     *
     * @param facts           what it says, in domain terms (usually one fact; none for a notification type
     *                        PayEngine has no use for, which is still acknowledged)
     * @param dedupKey        identifies this notification across Antom's resends (e.g. its notify type and
     *                        ids and result), at most 256 characters
     * @param acknowledgement the exact body to answer with once the facts are durably stored
     */
    record Accepted(List<Fact> facts, String dedupKey, String acknowledgement) implements NotificationDecoding {
        public Accepted {
            facts = List.copyOf(facts);
            dedupKey = Text.required("dedupKey", dedupKey, 256);
            Objects.requireNonNull(acknowledgement, "acknowledgement");
        }
    }

    /** A notification that is refused: nothing changes, the reason is answered (Antom resends genuine ones). */
    record Rejected(Reason reason, String message) implements NotificationDecoding {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(message, "message");
        }
    }

    /** Why a notification was refused. */
    enum Reason {
        /** Not a POST. */
        WRONG_METHOD,
        /** A required header ({@code signature}, {@code client-id}, {@code request-time}) is absent. */
        MISSING_HEADER,
        /** A header is present but unreadable (e.g. the signature header's grammar). */
        MALFORMED_HEADER,
        /** The {@code client-id} is not this merchant's. */
        UNKNOWN_CLIENT,
        /** The signature does not verify with Antom's public key. */
        BAD_SIGNATURE,
        /** The body exceeds the size PayEngine accepts. */
        OVERSIZED_BODY,
        /** The body is not the JSON Antom sends, or lacks fields the facts need. */
        MALFORMED_BODY,
        /** The {@code notifyType} is not one PayEngine knows. */
        UNKNOWN_NOTIFY_TYPE
    }
}
