package org.payengine.adapters.persistence;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * A separate engine process for {@link EmbeddedDurabilityTest}: commits orders one by one into the
 * embedded database under the given directory and acknowledges each commit on standard output
 * only after {@code commit} returned, like the notification endpoint answers Antom.
 */
public final class CommittingProcess {

    static final String ACKNOWLEDGED = "committed ";

    private CommittingProcess() {
    }

    /** Arguments: the data directory, then optionally a JDBC URL to use instead of the default. */
    public static void main(String[] args) {
        DatabaseSettings settings = DatabaseSettings.embeddedUnder(Path.of(args[0]));
        if (args.length > 1) {
            settings = settings.withUrl(args[1]);
        }
        Database database = Database.open(settings);
        database.migrate();
        System.out.println("ready");
        for (int number = 1; ; number++) {
            String reference = "durable-" + number;
            database.jdbi().useTransaction(handle -> handle.createUpdate("""
                            INSERT INTO orders (reference_order_id, currency, amount_minor, status, created_at, version)
                            VALUES (:ref, 'SGD', 100, 'OPEN', :now, 0)""")
                    .bind("ref", reference)
                    .bind("now", Instant.now().atOffset(ZoneOffset.UTC))
                    .execute());
            System.out.println(ACKNOWLEDGED + number);
            System.out.flush();
        }
    }
}
