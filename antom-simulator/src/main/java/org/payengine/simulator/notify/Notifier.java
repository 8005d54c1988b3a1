package org.payengine.simulator.notify;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.payengine.simulator.clock.Scheduler;
import org.payengine.simulator.crypto.RsaSignatures;
import org.payengine.simulator.fault.Fault;
import org.payengine.simulator.fault.FaultKind;
import org.payengine.simulator.fault.Faults;
import org.payengine.simulator.wire.AntomResult;
import org.payengine.simulator.wire.AntomTime;
import org.payengine.simulator.wire.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends Antom's notifications: POSTed, signed over the notify URL's path, and resent on Antom's
 * schedule (0 s, 2 min, 10 min, 10 min, 1 h, 2 h, 6 h, 15 h after the previous send; at most 8
 * sends) until the merchant answers HTTP 200 with exactly the acknowledgement body.
 */
public final class Notifier {

    /** The wait before each send, counted from the previous send's scheduled time. */
    public static final List<Duration> SCHEDULE = List.of(Duration.ZERO, Duration.ofMinutes(2),
            Duration.ofMinutes(10), Duration.ofMinutes(10), Duration.ofHours(1), Duration.ofHours(2),
            Duration.ofHours(6), Duration.ofHours(15));

    private static final Logger LOG = LoggerFactory.getLogger(Notifier.class);
    private static final JsonNode ACKNOWLEDGEMENT = AntomResult.SUCCESS.asBody();
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(10);

    private final Scheduler scheduler;
    private final PrivateKey antomKey;
    private final String clientId;
    private final Faults faults;
    private final HttpClient http;
    private final List<Delivery> held = new ArrayList<>();

    public Notifier(Scheduler scheduler, PrivateKey antomKey, String clientId, Faults faults) {
        this.scheduler = scheduler;
        this.antomKey = antomKey;
        this.clientId = clientId;
        this.faults = faults;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .version(HttpClient.Version.HTTP_1_1).build();
    }

    /** Schedules a notification's first send (now, unless a delay or reorder fault holds it). */
    public Delivery send(String notifyType, String url, String body) {
        Delivery delivery = new Delivery(notifyType, url, body);
        Instant now = scheduler.clock().now();
        Optional<Fault> fault = faults.takeNotificationFault(
                Set.of(FaultKind.DELAY_NOTIFICATION, FaultKind.REORDER_NOTIFICATION), notifyType);
        if (fault.isPresent() && fault.get().kind() == FaultKind.REORDER_NOTIFICATION) {
            delivery.state(Delivery.State.HELD);
            synchronized (held) {
                held.add(delivery);
            }
            scheduler.at(now.plusSeconds(fault.get().effectiveDelaySeconds()), () -> release(delivery));
            return delivery;
        }
        synchronized (held) {
            delivery.followers.addAll(held);
            held.clear();
        }
        Instant first = fault.map(f -> now.plusSeconds(f.effectiveDelaySeconds())).orElse(now);
        scheduler.at(first, () -> attempt(delivery, 0, first));
        return delivery;
    }

    /** Held (reordered) notifications go out right after the one that overtook them. */
    private void releaseFollowers(Delivery delivery) {
        for (Delivery follower : delivery.followers) {
            follower.state(Delivery.State.SCHEDULED);
            attempt(follower, 0, scheduler.clock().now());
        }
        delivery.followers.clear();
    }

    private void release(Delivery delivery) {
        boolean stillHeld;
        synchronized (held) {
            stillHeld = held.remove(delivery);
        }
        if (stillHeld) {
            delivery.state(Delivery.State.SCHEDULED);
            Instant now = scheduler.clock().now();
            attempt(delivery, 0, now);
        }
    }

    private void attempt(Delivery delivery, int index, Instant scheduledAt) {
        String at = AntomTime.format(scheduler.clock().now());
        boolean dropped = faults.takeNotificationFault(Set.of(FaultKind.DROP_NOTIFICATION), delivery.notifyType()).isPresent();
        boolean duplicated = !dropped && faults.takeNotificationFault(
                Set.of(FaultKind.DUPLICATE_NOTIFICATION), delivery.notifyType()).isPresent();
        DeliveryAttempt attempt;
        if (dropped) {
            attempt = new DeliveryAttempt(index + 1, at, "DROPPED", null, false);
        } else {
            attempt = post(delivery, index + 1, at, false);
            if (duplicated) {
                DeliveryAttempt second = post(delivery, index + 1, at, true);
                if ("ACKNOWLEDGED".equals(second.outcome())) {
                    attempt = second;
                }
            }
        }
        delivery.record(attempt);
        if (index == 0) {
            releaseFollowers(delivery);
        }
        if ("ACKNOWLEDGED".equals(attempt.outcome())) {
            delivery.state(Delivery.State.ACKNOWLEDGED);
        } else if (index + 1 < SCHEDULE.size()) {
            Instant next = scheduledAt.plus(SCHEDULE.get(index + 1));
            scheduler.at(next, () -> attempt(delivery, index + 1, next));
        } else {
            delivery.state(Delivery.State.GAVE_UP);
        }
    }

    private DeliveryAttempt post(Delivery delivery, int number, String requestTime, boolean duplicated) {
        try {
            URI uri = URI.create(delivery.url());
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            String signature = RsaSignatures.sign(
                    RsaSignatures.contentToSign("POST", path, clientId, requestTime, delivery.body()), antomKey);
            HttpRequest request = HttpRequest.newBuilder(uri)
                    .timeout(SEND_TIMEOUT)
                    .header("Content-Type", "application/json; charset=UTF-8")
                    .header("client-id", clientId)
                    .header("request-time", requestTime)
                    .header("signature", RsaSignatures.header(signature))
                    .POST(HttpRequest.BodyPublishers.ofString(delivery.body(), StandardCharsets.UTF_8))
                    .build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            boolean acknowledged = response.statusCode() == 200 && ACKNOWLEDGEMENT.equals(Json.parseOrNull(response.body()));
            return new DeliveryAttempt(number, requestTime, acknowledged ? "ACKNOWLEDGED" : "NOT_ACKNOWLEDGED",
                    response.statusCode(), duplicated);
        } catch (IOException | IllegalArgumentException e) {
            LOG.debug("notification {} to {} failed: {}", delivery.notifyType(), delivery.url(), e.toString());
            return new DeliveryAttempt(number, requestTime, "FAILED", null, duplicated);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new DeliveryAttempt(number, requestTime, "FAILED", null, duplicated);
        }
    }
}
