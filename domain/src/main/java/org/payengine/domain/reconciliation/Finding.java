package org.payengine.domain.reconciliation;

import java.util.Objects;

/**
 * One disagreement the rules found between a report and the engine.
 *
 * @param expected what the engine's records say ({@code null} when the engine knows nothing of it)
 * @param actual   what Antom's report says ({@code null} when no report lists it)
 * @param askAntom whether the engine should ask Antom now: Antom reports a result the engine has not reached, and
 *                 the answer, applied as any other, may settle the disagreement
 */
public record Finding(DiscrepancyType type, String expected, String actual, boolean askAntom) {

    public Finding {
        Objects.requireNonNull(type, "type");
    }
}
