package org.payengine.application.port;

/**
 * Verifies and decodes a notification from Antom. The signature is always checked (over the method, the
 * path, the {@code client-id}, the {@code request-time} and the raw body, with Antom's public key) before
 * anything in the body is trusted; there is no switch to skip it. Pure: no I/O besides CPU work, no state,
 * thread-safe, and never throws for bad input (every problem is a {@link NotificationDecoding.Rejected}).
 */
public interface NotificationDecoder {

    NotificationDecoding decode(RawNotification notification);
}
