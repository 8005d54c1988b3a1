package org.payengine.simulator.notify;

import java.util.ArrayList;
import java.util.List;

/** One notification and its sends: the record behind the control API's "notifications sent and their answers". */
public final class Delivery {

    /** Where a notification stands. */
    public enum State { SCHEDULED, HELD, ACKNOWLEDGED, GAVE_UP }

    private final String notifyType;
    private final String url;
    private final String body;
    private final List<DeliveryAttempt> attempts = new ArrayList<>();
    private State state = State.SCHEDULED;
    /** Notifications held back by a reorder fault, sent right after this one's first send. */
    final List<Delivery> followers = new ArrayList<>();

    Delivery(String notifyType, String url, String body) {
        this.notifyType = notifyType;
        this.url = url;
        this.body = body;
    }

    public String notifyType() {
        return notifyType;
    }

    public String url() {
        return url;
    }

    /** The exact body sent (and signed). */
    public String body() {
        return body;
    }

    public synchronized State state() {
        return state;
    }

    public synchronized List<DeliveryAttempt> attempts() {
        return List.copyOf(attempts);
    }

    synchronized void state(State next) {
        state = next;
    }

    synchronized int record(DeliveryAttempt attempt) {
        attempts.add(attempt);
        return attempts.size();
    }
}
