package org.payengine.application.usecase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.payengine.application.port.IdempotencyKey;
import org.payengine.application.port.RecordedAnswer;
import org.payengine.application.testing.InMemoryIdempotencyKeys;
import org.payengine.application.testing.TestClock;
import org.payengine.application.usecase.ExecuteOnce.Execution;
import org.payengine.application.usecase.ExecuteOnce.Outcome;

class ExecuteOnceTest {

    private final TestClock clock = new TestClock(Instant.parse("2025-03-01T10:00:00Z"));
    private final InMemoryIdempotencyKeys keys = new InMemoryIdempotencyKeys();
    private final ExecuteOnce executeOnce = new ExecuteOnce(keys, clock);
    private final AtomicInteger executions = new AtomicInteger();

    private static final IdempotencyKey KEY = new IdempotencyKey("merchant-api", "retry-me-1");
    private static final ExecuteOnce.Command REQUEST = new ExecuteOnce.Command(KEY, "fingerprint-of-the-request");

    @Test
    public void the_first_request_is_executed_and_a_retry_gets_its_answer_without_an_execution() {
        Outcome first = executeOnce.execute(REQUEST, () -> answered(201, "created #" + executions.incrementAndGet()));
        clock.advance(Duration.ofHours(23));
        Outcome retry = executeOnce.execute(REQUEST, () -> answered(201, "created #" + executions.incrementAndGet()));

        assertEquals(1, executions.get());
        RecordedAnswer answer = assertInstanceOf(Outcome.Executed.class, first).answer();
        Outcome.Replayed replayed = assertInstanceOf(Outcome.Replayed.class, retry);
        assertEquals(answer, replayed.answer());
        assertEquals(Instant.parse("2025-03-01T10:00:00Z"), replayed.firstSentAt());
    }

    @Test
    public void another_request_with_the_same_key_is_refused_and_not_executed() {
        executeOnce.execute(REQUEST, () -> answered(201, "created"));

        Outcome other = executeOnce.execute(new ExecuteOnce.Command(KEY, "another-fingerprint"),
                () -> answered(201, "created #" + executions.incrementAndGet()));

        assertInstanceOf(Outcome.KeyReused.class, other);
        assertEquals(0, executions.get());
    }

    @Test
    public void after_a_day_the_key_is_forgotten_and_the_request_executed_again() {
        executeOnce.execute(REQUEST, () -> answered(201, "created #" + executions.incrementAndGet()));
        clock.advance(ExecuteOnce.KEPT_FOR);

        Outcome later = executeOnce.execute(REQUEST, () -> answered(201, "created #" + executions.incrementAndGet()));

        assertEquals(2, executions.get());
        assertEquals("created #2", text(assertInstanceOf(Outcome.Executed.class, later).answer()));
    }

    @Test
    public void an_answer_not_worth_keeping_frees_the_key_for_the_retry() {
        executeOnce.execute(REQUEST, () -> new Execution(answer(503, "store down"), false));

        Outcome retry = executeOnce.execute(REQUEST, () -> answered(201, "created"));

        assertEquals("created", text(assertInstanceOf(Outcome.Executed.class, retry).answer()));
    }

    @Test
    public void a_request_that_throws_frees_the_key() {
        assertThrows(IllegalStateException.class, () -> executeOnce.execute(REQUEST, () -> {
            throw new IllegalStateException("a bug");
        }));

        assertTrue(keys.find(KEY).isEmpty());
    }

    @Test
    public void a_retry_during_the_execution_is_told_so_and_not_executed() throws Exception {
        CountDownLatch executing = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        ExecutorService first = Executors.newSingleThreadExecutor();
        try {
            Future<Outcome> slow = first.submit(() -> executeOnce.execute(REQUEST, () -> {
                executing.countDown();
                await(finish);
                return answered(202, "captured #" + executions.incrementAndGet());
            }));
            assertTrue(executing.await(10, TimeUnit.SECONDS));

            Outcome retry = executeOnce.execute(REQUEST, () -> answered(202, "captured #" + executions.incrementAndGet()));
            finish.countDown();

            assertInstanceOf(Outcome.InProgress.class, retry);
            assertEquals("captured #1", text(assertInstanceOf(Outcome.Executed.class, slow.get()).answer()));
            assertEquals(1, executions.get());
        } finally {
            finish.countDown();
            first.shutdownNow();
        }
    }

    @Test
    public void a_key_whose_execution_never_answered_is_taken_over_after_the_lease() {
        keys.insert(org.payengine.application.port.RememberedRequest.claimed(KEY, REQUEST.fingerprint(), "dead-node",
                clock.now(), clock.now().plus(ExecuteOnce.KEPT_FOR), clock.now().plus(ExecuteOnce.EXECUTION_LEASE)));

        Outcome during = executeOnce.execute(REQUEST, () -> answered(201, "created #" + executions.incrementAndGet()));
        clock.advance(ExecuteOnce.EXECUTION_LEASE);
        Outcome after = executeOnce.execute(REQUEST, () -> answered(201, "created #" + executions.incrementAndGet()));

        assertInstanceOf(Outcome.InProgress.class, during);
        assertEquals("created #1", text(assertInstanceOf(Outcome.Executed.class, after).answer()));
    }

    @Test
    public void expired_keys_are_purged_by_later_requests() {
        executeOnce.execute(REQUEST, () -> answered(201, "created"));
        clock.advance(ExecuteOnce.KEPT_FOR.plusMinutes(1));

        executeOnce.execute(new ExecuteOnce.Command(new IdempotencyKey("merchant-api", "another-key"), "f"),
                () -> answered(200, "ok"));

        assertTrue(keys.find(KEY).isEmpty());
    }

    private static Execution answered(int status, String body) {
        return new Execution(answer(status, body), true);
    }

    private static RecordedAnswer answer(int status, String body) {
        return new RecordedAnswer(status, null, body.getBytes(StandardCharsets.UTF_8));
    }

    private static String text(RecordedAnswer answer) {
        return new String(answer.body(), StandardCharsets.UTF_8);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
