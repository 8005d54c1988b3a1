package org.payengine.simulator.payments;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/** Antom-shaped ids: 35 digits starting with the date, unique within the simulator. */
final class Ids {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.ofHours(8));
    private final AtomicLong counter = new AtomicLong();

    /** {@code kind} tells payments ({@code 1140}), captures ({@code 1180}), refunds ({@code 1190}) apart. */
    String next(Instant now, String kind) {
        long random = ThreadLocalRandom.current().nextLong(10_000_000_000L, 100_000_000_000L);
        String sequence = Long.toString(counter.incrementAndGet());
        StringBuilder id = new StringBuilder(35).append(DAY.format(now)).append(kind);
        for (int pad = sequence.length(); pad < 12; pad++) {
            id.append('0');
        }
        return id.append(sequence).append(random).toString();
    }

    String cardToken() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "ALIPAY" + Long.toHexString(random.nextLong() | Long.MIN_VALUE).toUpperCase()
                + Long.toHexString(random.nextLong() | Long.MIN_VALUE).toUpperCase();
    }

    String networkTransactionId() {
        return Long.toString(ThreadLocalRandom.current().nextLong(100_000_000_000_000L, 1_000_000_000_000_000L));
    }
}
