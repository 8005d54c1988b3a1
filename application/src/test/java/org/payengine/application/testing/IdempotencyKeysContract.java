package org.payengine.application.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.payengine.application.port.IdempotencyKey;
import org.payengine.application.port.IdempotencyKeys;
import org.payengine.application.port.RecordedAnswer;
import org.payengine.application.port.RememberedRequest;

/**
 * What every {@link IdempotencyKeys} store must do. The store need not be empty: each test uses keys of a scope of
 * its own, and instants centuries ahead, so that a purge of another test's entries never touches these.
 */
public abstract class IdempotencyKeysContract {

    protected abstract IdempotencyKeys keys();

    private final String scope = "contract-" + UUID.randomUUID().toString().substring(0, 8);
    private final Instant now = Instant.parse("2700-01-01T00:00:00Z")
            .plusSeconds(86_400L * ThreadLocalRandom.current().nextInt(100_000));

    @Test
    public void a_claimed_key_is_found_as_it_was_claimed() {
        RememberedRequest claimed = claim("k-1", "fingerprint-a", "token-1");

        assertTrue(keys().insert(claimed));

        assertEquals(Optional.of(claimed), keys().find(claimed.key()));
        assertEquals(Optional.empty(), keys().find(key("k-never")));
    }

    @Test
    public void a_key_is_inserted_only_once() {
        assertTrue(keys().insert(claim("k-2", "fingerprint-a", "token-1")));

        assertFalse(keys().insert(claim("k-2", "fingerprint-b", "token-2")));

        assertEquals("token-1", keys().find(key("k-2")).orElseThrow().claimToken());
    }

    @Test
    public void the_same_text_in_two_scopes_is_two_keys() {
        RememberedRequest mine = claim("k-3", "fingerprint-a", "token-1");
        RememberedRequest theirs = RememberedRequest.claimed(new IdempotencyKey(scope + "-other", "k-3"), "fingerprint-b",
                "token-2", now, now.plus(Duration.ofHours(24)), now.plusSeconds(300));

        assertTrue(keys().insert(mine));
        assertTrue(keys().insert(theirs));

        assertEquals("fingerprint-a", keys().find(mine.key()).orElseThrow().fingerprint());
        assertEquals("fingerprint-b", keys().find(theirs.key()).orElseThrow().fingerprint());
    }

    @Test
    public void an_answer_is_kept_with_its_status_location_and_exact_bytes() {
        RememberedRequest claimed = claim("k-4", "fingerprint-a", "token-1");
        keys().insert(claimed);
        byte[] body = "{\"referenceOrderId\":\"order-ä\"}\n".getBytes(StandardCharsets.UTF_8);
        RememberedRequest answered = claimed.answered(new RecordedAnswer(201, "/v1/orders/order-%C3%A4", body));

        assertTrue(keys().answer(answered));

        RememberedRequest found = keys().find(claimed.key()).orElseThrow();
        assertEquals(answered, found);
        assertTrue(found.isAnswered());
        assertEquals(201, found.answer().status());
        assertEquals("/v1/orders/order-%C3%A4", found.answer().location());
        assertEquals(new String(body, StandardCharsets.UTF_8), new String(found.answer().body(), StandardCharsets.UTF_8));
    }

    @Test
    public void only_the_execution_holding_the_key_answers_it_and_only_once() {
        RememberedRequest claimed = claim("k-5", "fingerprint-a", "token-1");
        keys().insert(claimed);
        RecordedAnswer first = new RecordedAnswer(202, null, "{}".getBytes(StandardCharsets.UTF_8));

        assertFalse(keys().answer(claim("k-5", "fingerprint-a", "token-other").answered(first)));
        assertTrue(keys().answer(claimed.answered(first)));
        assertFalse(keys().answer(claimed.answered(new RecordedAnswer(200, null, new byte[0]))));

        assertEquals(first, keys().find(claimed.key()).orElseThrow().answer());
    }

    @Test
    public void a_key_is_replaced_only_from_the_claim_token_it_holds() {
        RememberedRequest lapsed = claim("k-6", "fingerprint-a", "token-1");
        keys().insert(lapsed);
        RememberedRequest takeover = claim("k-6", "fingerprint-a", "token-2");

        assertFalse(keys().replace("token-someone-else", takeover));
        assertTrue(keys().replace("token-1", takeover));
        assertFalse(keys().replace("token-1", claim("k-6", "fingerprint-a", "token-3")), "token-1 no longer holds it");

        assertEquals("token-2", keys().find(lapsed.key()).orElseThrow().claimToken());
        assertFalse(keys().replace("token-1", claim("k-never-stored", "fingerprint-a", "token-4")));
    }

    @Test
    public void a_released_key_is_forgotten_but_only_by_its_holder_and_never_once_answered() {
        RememberedRequest claimed = claim("k-7", "fingerprint-a", "token-1");
        keys().insert(claimed);

        keys().release(claimed.key(), "token-other");
        assertTrue(keys().find(claimed.key()).isPresent());
        keys().release(claimed.key(), "token-1");
        assertTrue(keys().find(claimed.key()).isEmpty());

        RememberedRequest answered = claim("k-8", "fingerprint-a", "token-1");
        keys().insert(answered);
        keys().answer(answered.answered(new RecordedAnswer(200, null, new byte[0])));
        keys().release(answered.key(), "token-1");
        assertTrue(keys().find(answered.key()).isPresent(), "an answer is kept until it expires");
    }

    @Test
    public void expired_keys_are_purged_and_live_ones_kept() {
        RememberedRequest expired = RememberedRequest.claimed(key("k-old"), "f", "token-1", now.minus(Duration.ofDays(2)),
                now.minus(Duration.ofDays(1)), now.minus(Duration.ofDays(2)).plusSeconds(300));
        RememberedRequest live = claim("k-live", "f", "token-2");
        keys().insert(expired);
        keys().insert(live);

        int purged = keys().purgeExpired(now, 100_000);

        assertTrue(purged >= 1, "at least this test's expired key: " + purged);
        assertTrue(keys().find(expired.key()).isEmpty());
        assertTrue(keys().find(live.key()).isPresent());
    }

    @Test
    public void of_writers_inserting_one_key_at_once_exactly_one_wins() throws Exception {
        int writers = 8;
        ExecutorService threads = Executors.newFixedThreadPool(writers);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> inserts = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                RememberedRequest claim = claim("k-race", "fingerprint", "token-" + i);
                Callable<Boolean> insert = () -> {
                    start.await();
                    return keys().insert(claim);
                };
                inserts.add(threads.submit(insert));
            }
            start.countDown();
            int won = 0;
            for (Future<Boolean> insert : inserts) {
                won += insert.get() ? 1 : 0;
            }
            assertEquals(1, won);
        } finally {
            threads.shutdownNow();
        }
    }

    private IdempotencyKey key(String value) {
        return new IdempotencyKey(scope, value);
    }

    private RememberedRequest claim(String value, String fingerprint, String token) {
        return RememberedRequest.claimed(key(value), fingerprint, token, now, now.plus(Duration.ofHours(24)),
                now.plusSeconds(300));
    }
}
