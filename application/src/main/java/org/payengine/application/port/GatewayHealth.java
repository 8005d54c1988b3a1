package org.payengine.application.port;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Whether the payment gateway accepts this engine as it is configured, as far as the gateway's latest answers show:
 * for {@code GET /health}, monitoring and the person who has to fix it.
 *
 * <p>A gateway that refuses every call for a reason of configuration — a wrong merchant key, an unknown client id,
 * a client id of another environment or region — fails each payment at once with the gateway's code. That is right
 * for the payment, but the cause is not the buyer's: it is a setting of this engine, and nothing gets better until a
 * person changes it. An {@link Alarm} names the gateway's code, what it means and the settings to check.
 *
 * <p>Contract:
 * <ul>
 *   <li>{@link #alarms()} never calls the gateway: it reports what earlier calls showed, so it is cheap enough for a
 *       load balancer's health check;</li>
 *   <li>an alarm is raised by the gateway's answer that shows the problem and cleared by a later answer that shows it
 *       is gone (for the same operation), so a setting fixed at the gateway (a key uploaded in its dashboard) clears
 *       it without a restart;</li>
 *   <li>thread-safe.</li>
 * </ul>
 */
@FunctionalInterface
public interface GatewayHealth {

    /** For a gateway that raises no alarm (a custom gateway, a test double). */
    GatewayHealth NO_ALARMS = List::of;

    /** The problems the gateway's latest answers show, oldest first; empty when there is none. */
    List<Alarm> alarms();

    /**
     * A problem of configuration the gateway reported.
     *
     * @param operation the gateway operation that was refused, by the gateway's name (e.g. {@code pay})
     * @param code      the gateway's result code, verbatim (e.g. {@code INVALID_SIGNATURE})
     * @param meaning   what the code means for this engine and what to do about it (never a secret)
     * @param settings  the engine's settings to check, by name (e.g. {@code PAYENGINE_ANTOM_MERCHANT_PRIVATE_KEY})
     * @param since     when the gateway first answered so, since the alarm was last clear
     */
    record Alarm(String operation, String code, String meaning, List<String> settings, Instant since) {
        public Alarm {
            Objects.requireNonNull(operation, "operation");
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(meaning, "meaning");
            settings = List.copyOf(settings);
            Objects.requireNonNull(since, "since");
        }
    }
}
