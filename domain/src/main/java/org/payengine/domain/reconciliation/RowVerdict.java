package org.payengine.domain.reconciliation;

import java.util.List;
import java.util.Objects;

/** What the rules make of one report row against the engine's records. */
public record RowVerdict(Match match, List<Finding> findings) {

    public static final RowVerdict AGREES = new RowVerdict(Match.AGREES, List.of());
    public static final RowVerdict OUTSIDE_ENGINE = new RowVerdict(Match.OUTSIDE_ENGINE, List.of());

    public RowVerdict {
        Objects.requireNonNull(match, "match");
        findings = List.copyOf(findings);
        if ((match == Match.DISAGREES) == findings.isEmpty()) {
            throw new IllegalArgumentException("a row disagrees exactly when there are findings");
        }
    }

    public static RowVerdict disagrees(List<Finding> findings) {
        return new RowVerdict(Match.DISAGREES, findings);
    }

    /** Whether the engine should ask Antom about the row's transaction before the verdict stands. */
    public boolean asksAntom() {
        return findings.stream().anyMatch(Finding::askAntom);
    }

    public enum Match {
        /** The engine knows the transaction and agrees on everything the report says of it. */
        AGREES,
        /** The engine does not know it, or disagrees. */
        DISAGREES,
        /** A transaction the engine does not make (a dispute, a fee, a reserve): kept, nothing to match. */
        OUTSIDE_ENGINE
    }
}
