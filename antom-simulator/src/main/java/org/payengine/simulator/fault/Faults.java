package org.payengine.simulator.fault;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The armed faults, consumed one event at a time in the order they were armed. */
public final class Faults {

    private final List<Fault> armed = new ArrayList<>();

    public synchronized void arm(Fault fault) {
        armed.add(fault);
    }

    public synchronized void clear() {
        armed.clear();
    }

    /** The faults still armed, with their remaining counts. */
    public synchronized List<Fault> armed() {
        return List.copyOf(armed);
    }

    /** Consumes one event of the first armed API fault that applies to {@code api}. */
    public Optional<Fault> takeApiFault(String api) {
        return take(fault -> fault.kind().isApiFault() && (fault.api() == null || fault.api().equals(api)));
    }

    /** Consumes one event of the first armed fault of one of {@code kinds} that applies to {@code notifyType}. */
    public Optional<Fault> takeNotificationFault(Set<FaultKind> kinds, String notifyType) {
        return take(fault -> kinds.contains(fault.kind())
                && (fault.notifyType() == null || fault.notifyType().equals(notifyType)));
    }

    private synchronized Optional<Fault> take(java.util.function.Predicate<Fault> applies) {
        for (int i = 0; i < armed.size(); i++) {
            Fault fault = armed.get(i);
            if (applies.test(fault)) {
                if (fault.count() <= 1) {
                    armed.remove(i);
                } else {
                    armed.set(i, fault.withCount(fault.count() - 1));
                }
                return Optional.of(fault);
            }
        }
        return Optional.empty();
    }
}
