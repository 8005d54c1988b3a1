package org.payengine.bootstrap.bench;

import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Duration;
import java.util.List;
import org.payengine.bootstrap.testing.WebhookReceiver;
import org.payengine.simulator.AntomSimulator;
import org.payengine.simulator.crypto.RsaSignatures;
import org.payengine.simulator.crypto.SignatureHeader;

/**
 * Genuine {@code PAYMENT_RESULT} notifications, made and signed by the simulator itself: the buyer pays each pending
 * payment (a success card, manual capture, so one notification each), and the simulator posts the notification to the
 * engine's notify URL — which, for the benchmark, is a recorder that keeps it byte for byte and acknowledges it. The
 * load driver then replays each one, once, to the engine.
 */
final class AntomNotifications {

    static final String NOTIFY_PATH = "/notifications/antom";
    private static final String SUCCESS_CARD = "4054695723100768";

    private AntomNotifications() {
    }

    /** Has the buyer pay each payment and returns the notifications Antom sent about them, in arrival order. */
    static List<WebhookReceiver.Received> paymentsSucceeded(AntomSimulator antom, WebhookReceiver recorder,
                                                            List<String> paymentIds, int threads) throws Exception {
        Parallel.forEach(threads, paymentIds, paymentId -> antom.completePayment(paymentId, SUCCESS_CARD, false));
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (true) {
            List<WebhookReceiver.Received> received = recorder.received().stream()
                    .filter(AntomNotifications::isPaymentResult).toList();
            if (received.size() >= paymentIds.size()) {
                return received;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Antom sent " + received.size() + " of " + paymentIds.size()
                        + " payment notifications within 5 minutes");
            }
            Thread.sleep(100);
        }
    }

    /** What the engine checks first (and the floor does too): Antom's signature over method, path, sender, time, body. */
    static boolean isSignedByAntom(WebhookReceiver.Received notification, PublicKey antomKey) {
        String signature = SignatureHeader.parse(notification.header("signature"))
                .map(SignatureHeader::signature).orElse("");
        String content = RsaSignatures.contentToSign(notification.method(), notification.path(),
                notification.header("client-id"), notification.header("request-time"),
                new String(notification.body(), StandardCharsets.UTF_8));
        return RsaSignatures.verify(content, signature, antomKey);
    }

    private static boolean isPaymentResult(WebhookReceiver.Received notification) {
        return notification.path().equals(NOTIFY_PATH)
                && new String(notification.body(), StandardCharsets.UTF_8).contains("\"notifyType\":\"PAYMENT_RESULT\"");
    }
}
