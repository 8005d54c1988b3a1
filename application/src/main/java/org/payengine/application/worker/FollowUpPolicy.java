package org.payengine.application.worker;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.payengine.application.usecase.BuyerLooks;
import org.payengine.domain.work.FollowUpReason;

/**
 * When the background work looks at Antom, by the signal that made a look necessary. Antom's notification is the
 * source of truth and an inquiry the exception, so every reason has a schedule counted from its own instant and a
 * cap, after which the attempt is raised for review (and reconciliation settles it):
 *
 * <ul>
 *   <li>a call whose answer was not written ({@link FollowUpReason#PAY_CALL_UNANSWERED},
 *       {@link FollowUpReason#CAPTURE_CALL_UNANSWERED}, {@link FollowUpReason#CANCEL_CALL_UNANSWERED}): first look when {@code callWindow} has passed since the
 *       call (until then the call itself may still write its answer), then on the short schedule;</li>
 *   <li>a call whose outcome is unknown ({@link FollowUpReason#PAYMENT_OUTCOME_UNKNOWN}): the short schedule,
 *       {@code unknownWaits} — seconds, then minutes, then hours — because nobody knows whether Antom has the
 *       payment;</li>
 *   <li>a notification that is overdue ({@link FollowUpReason#PAYMENT_NOTIFICATION_AWAITED} counted from the
 *       payment's expiry, {@link FollowUpReason#CAPTURE_NOTIFICATION_AWAITED} from the capture's request): first
 *       look after {@code paymentGrace} or {@code resultGrace}, then the slow schedule {@code overdueWaits};</li>
 *   <li>the buyer's return: {@link BuyerLooks}, on top of any schedule and never using it up.</li>
 * </ul>
 *
 * A payment notified in time is therefore never inquired.
 *
 * @param callWindow   how long a call of another thread may still be writing its answer
 * @param unknownWaits the short schedule: the wait before each look, the first counted from the unknown outcome
 * @param paymentGrace how long past a payment's expiry its notification may still come before the first look
 * @param resultGrace  how long after a capture was requested its notification may come before the first look
 * @param overdueWaits the slow schedule: the waits between looks after the first overdue one
 * @param buyer        how the buyer's returns ask Antom
 */
public record FollowUpPolicy(Duration callWindow, List<Duration> unknownWaits, Duration paymentGrace,
                             Duration resultGrace, List<Duration> overdueWaits, BuyerLooks buyer) {

    public static final FollowUpPolicy DEFAULT = new FollowUpPolicy(Duration.ofSeconds(60),
            durations("5s", "10s", "15s", "30s", "1m", "3m", "5m", "20m", "30m", "2h", "3h"),
            Duration.ofMinutes(2), Duration.ofMinutes(2), durations("5m", "15m", "1h", "6h", "24h"), BuyerLooks.DEFAULT);

    public FollowUpPolicy {
        WorkerSettings.requireNotNegative("callWindow", callWindow);
        unknownWaits = checked("unknownWaits", unknownWaits);
        WorkerSettings.requireNotNegative("paymentGrace", paymentGrace);
        WorkerSettings.requireNotNegative("resultGrace", resultGrace);
        overdueWaits = checked("overdueWaits", overdueWaits);
        Objects.requireNonNull(buyer, "buyer");
    }

    /**
     * When the look number {@code looksTaken + 1} of {@code reason} is due, its schedule counted from {@code since};
     * empty when the reason's looks are used up. {@link FollowUpReason#CAPTURE_DEADLINE} counts from the deadline and
     * {@link FollowUpReason#DUPLICATE} has no schedule here (the remediation retries on its own back-off).
     */
    public Optional<Instant> lookAt(FollowUpReason reason, Instant since, int looksTaken) {
        return switch (reason) {
            case PAY_CALL_UNANSWERED, CAPTURE_CALL_UNANSWERED, CANCEL_CALL_UNANSWERED, REFUND_CALL_UNANSWERED ->
                    nth(since.plus(callWindow), unknownWaits.subList(1, unknownWaits.size()), looksTaken);
            case PAYMENT_OUTCOME_UNKNOWN -> nth(since.plus(unknownWaits.get(0)),
                    unknownWaits.subList(1, unknownWaits.size()), looksTaken);
            case PAYMENT_NOTIFICATION_AWAITED -> nth(since.plus(paymentGrace), overdueWaits, looksTaken);
            case CAPTURE_NOTIFICATION_AWAITED, REFUND_NOTIFICATION_AWAITED, CAPTURE_DEADLINE ->
                    nth(since.plus(resultGrace), overdueWaits, looksTaken);
            case DUPLICATE -> Optional.empty();
        };
    }

    /** The most looks {@code reason}'s schedule takes. */
    public int cap(FollowUpReason reason) {
        return switch (reason) {
            case PAY_CALL_UNANSWERED, CAPTURE_CALL_UNANSWERED, CANCEL_CALL_UNANSWERED, REFUND_CALL_UNANSWERED,
                    PAYMENT_OUTCOME_UNKNOWN -> unknownWaits.size();
            case PAYMENT_NOTIFICATION_AWAITED, CAPTURE_NOTIFICATION_AWAITED, REFUND_NOTIFICATION_AWAITED, CAPTURE_DEADLINE ->
                    1 + overdueWaits.size();
            case DUPLICATE -> 0;
        };
    }

    /** The first look at {@code first}, each next one after the next wait; empty past the last. */
    private static Optional<Instant> nth(Instant first, List<Duration> thenWaits, int looksTaken) {
        if (looksTaken > thenWaits.size()) {
            return Optional.empty();
        }
        Instant at = first;
        for (int i = 0; i < looksTaken; i++) {
            at = at.plus(thenWaits.get(i));
        }
        return Optional.of(at);
    }

    private static List<Duration> checked(String name, List<Duration> waits) {
        Objects.requireNonNull(waits, name);
        if (waits.isEmpty()) {
            throw new IllegalArgumentException(name + " must have at least one wait");
        }
        waits.forEach(wait -> WorkerSettings.requirePositive(name, wait));
        return List.copyOf(waits);
    }

    /**
     * Durations written as a number and a unit, {@code s}, {@code m}, {@code h} or {@code d} (e.g. {@code 90s},
     * {@code 5m}, {@code 24h}): the form of the schedule settings.
     */
    public static List<Duration> durations(String... written) {
        return java.util.Arrays.stream(written).map(FollowUpPolicy::duration).toList();
    }

    /** One duration in the form of {@link #durations}. */
    public static Duration duration(String written) {
        String text = written.strip();
        if (text.length() < 2) {
            throw new IllegalArgumentException("'" + written + "' is not a duration like 5s, 10m, 6h or 1d");
        }
        long amount;
        try {
            amount = Long.parseLong(text.substring(0, text.length() - 1));
        } catch (NumberFormatException notANumber) {
            throw new IllegalArgumentException("'" + written + "' is not a duration like 5s, 10m, 6h or 1d");
        }
        return switch (text.charAt(text.length() - 1)) {
            case 's' -> Duration.ofSeconds(amount);
            case 'm' -> Duration.ofMinutes(amount);
            case 'h' -> Duration.ofHours(amount);
            case 'd' -> Duration.ofDays(amount);
            default -> throw new IllegalArgumentException("'" + written + "' is not a duration like 5s, 10m, 6h or 1d");
        };
    }
}
