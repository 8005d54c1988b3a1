package org.payengine.simulator.notify;

/**
 * One send of a notification, as the simulator saw it.
 *
 * @param number     1 for the first send, up to 8
 * @param at         simulated time of the send (ISO 8601)
 * @param outcome    {@code ACKNOWLEDGED}, {@code NOT_ACKNOWLEDGED} (answered, but not with 200 and the
 *                   acknowledgement body), {@code FAILED} (no answer: refused, timed out) or
 *                   {@code DROPPED} (lost by an injected fault)
 * @param httpStatus the merchant's status code, when there was an answer
 * @param duplicated whether an injected fault sent this one twice
 */
public record DeliveryAttempt(int number, String at, String outcome, Integer httpStatus, boolean duplicated) {
}
