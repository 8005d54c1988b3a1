package org.payengine.adapters.http;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.payengine.application.port.NotificationDecoder;
import org.payengine.application.port.NotificationDecoding;
import org.payengine.application.port.RawNotification;
import org.payengine.domain.fact.Fact;

/**
 * A stand-in for the Antom adapter's decoder: a notification is "signed" when its {@code signature} header is
 * {@link #VALID_SIGNATURE}, and its body decodes to the facts a test scripted for those exact bytes. Records
 * every notification it was handed, to check that the endpoint passes method, path, headers and bytes untouched.
 */
final class ScriptedNotificationDecoder implements NotificationDecoder {

    static final String VALID_SIGNATURE = "algorithm=RSA256,keyVersion=1,signature=valid-for-tests";
    static final String ACKNOWLEDGEMENT =
            "{\"result\":{\"resultCode\":\"SUCCESS\",\"resultStatus\":\"S\",\"resultMessage\":\"success\"}}";

    private final java.util.concurrent.atomic.AtomicReference<Hold> hold = new java.util.concurrent.atomic.AtomicReference<>();
    private final Map<String, List<Fact>> factsByBody = new ConcurrentHashMap<>();
    private final List<RawNotification> received = new CopyOnWriteArrayList<>();

    /** A notification with exactly this body carries these facts. */
    void script(String body, List<Fact> facts) {
        factsByBody.put(body, List.copyOf(facts));
    }

    List<RawNotification> received() {
        return List.copyOf(received);
    }

    /** The next notification waits inside the decoder until the test releases it: a request held in flight. */
    Hold holdNext() {
        Hold next = new Hold(new java.util.concurrent.CountDownLatch(1), new java.util.concurrent.CountDownLatch(1));
        hold.set(next);
        return next;
    }

    record Hold(java.util.concurrent.CountDownLatch entered, java.util.concurrent.CountDownLatch released) {
    }

    @Override
    public NotificationDecoding decode(RawNotification notification) {
        received.add(notification);
        Hold held = hold.getAndSet(null);
        if (held != null) {
            held.entered().countDown();
            try {
                held.released().await(30, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (!VALID_SIGNATURE.equals(notification.header("signature").orElse(null))) {
            return new NotificationDecoding.Rejected(NotificationDecoding.Reason.BAD_SIGNATURE,
                    "the signature does not verify with Antom's public key");
        }
        String body = new String(notification.body(), StandardCharsets.UTF_8);
        List<Fact> facts = factsByBody.get(body);
        if (facts == null) {
            return new NotificationDecoding.Rejected(NotificationDecoding.Reason.MALFORMED_BODY, "no such test notification");
        }
        return new NotificationDecoding.Accepted(facts, "test:" + body.hashCode(), ACKNOWLEDGEMENT);
    }
}
