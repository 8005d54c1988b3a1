package org.payengine.bootstrap.embedded.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import org.payengine.application.usecase.AntomApi;
import org.payengine.application.usecase.CallBudget;

/**
 * What this node asks of Antom, read off its {@link CallBudget}: {@code payengine_antom_calls_total{api}} (calls
 * sent), {@code payengine_antom_calls_not_admitted_total{api}} (calls the budget put off: a merchant's request
 * answered {@code ANTOM_BUSY}, or a background look taken later) and {@code payengine_antom_slow_downs_total} (answers
 * {@code REQUEST_TRAFFIC_EXCEED_LIMIT} or HTTP 429, each pausing the node).
 */
public final class AntomCallFigures {

    private AntomCallFigures() {
    }

    public static void register(MeterRegistry registry, CallBudget budget) {
        for (AntomApi api : AntomApi.values()) {
            FunctionCounter.builder("payengine.antom.calls", budget, counted -> counted.admitted(api))
                    .description("calls this node sent to Antom").tag("api", api.wireName()).register(registry);
            FunctionCounter.builder("payengine.antom.calls.not.admitted", budget, counted -> counted.notAdmitted(api))
                    .description("calls this node's budget put off").tag("api", api.wireName()).register(registry);
        }
        FunctionCounter.builder("payengine.antom.slow.downs", budget, CallBudget::slowDowns)
                .description("times Antom asked this node to slow down").register(registry);
    }
}
