package org.payengine.adapters.antom;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.payengine.application.port.GatewayHealth;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link GatewayHealth} from Antom's answers: an API that Antom refused with a {@link GatewayError} about
 * this engine's configuration holds an alarm until Antom answers that API with a signed answer again
 * (which it does only once the client id and key are accepted). The alarm is logged when it is raised,
 * naming the settings to check, and once more when it clears.
 */
final class ConfigurationAlarms implements GatewayHealth {

    private static final Logger LOG = LoggerFactory.getLogger(ConfigurationAlarms.class);

    private final Clock clock;
    private final Map<AntomApi, Alarm> raised = new ConcurrentHashMap<>();

    ConfigurationAlarms(Clock clock) {
        this.clock = clock;
    }

    /** Antom refused a call to {@code api} with {@code error}, which is about the configuration. */
    void raise(AntomApi api, GatewayError error) {
        Alarm alarm = new Alarm(api.referenceName(), error.name(), error.meaning(), error.settings(), clock.instant());
        Alarm earlier = raised.putIfAbsent(api, alarm);
        if (earlier == null || !earlier.code().equals(alarm.code())) {
            raised.put(api, alarm);
            LOG.error("ALARM Antom refuses {} with {}: {}; check {}", api.referenceName(), error.name(), error.meaning(),
                    String.join(", ", error.settings()));
        } else {
            LOG.warn("Antom refuses {} with {} still (since {}); check {}", api.referenceName(), error.name(),
                    earlier.since(), String.join(", ", error.settings()));
        }
    }

    /** Antom answered a call to {@code api} with a verified signature: it accepts this engine's client id and key. */
    void clear(AntomApi api) {
        Alarm cleared = raised.remove(api);
        if (cleared != null) {
            LOG.warn("Antom accepts {} again: the {} alarm since {} is cleared", api.referenceName(), cleared.code(),
                    cleared.since());
        }
    }

    @Override
    public List<Alarm> alarms() {
        List<Alarm> alarms = new ArrayList<>(raised.values());
        alarms.sort(Comparator.comparing(Alarm::since).thenComparing(Alarm::operation));
        return List.copyOf(alarms);
    }
}
