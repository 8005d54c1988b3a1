package org.payengine.bootstrap.config;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every setting of the engine, in one place: its name (an environment variable, or a key of the {@code --config}
 * properties file: {@code PAYENGINE_} and the constant's name), its default, whether it is a secret, and what it
 * means. The modules take plain typed records ({@code HttpSettings}, {@code DatabaseSettings}, {@code AntomSettings},
 * {@code WebhookSettings}, {@code WorkerSettings}) and know no names; the readers of this package turn these settings
 * into those records, validating each value and naming the setting in every problem. A default given here as a
 * literal is the value the readers use when the setting is absent; one given as a description ({@code an H2 file
 * under …}) is worked out by the reader.
 *
 * <p>The README's settings tables are this list: a test fails when a row, a default or a setting differs. Adding a
 * setting is one constant here, one line in the reader of its part, and one row in the README.
 */
public enum Setting {

    HTTP_HOST("0.0.0.0", false,
            "the address the HTTP server listens on"),
    HTTP_PORT("8080", false,
            "the HTTP port (0 picks a free one)"),
    PUBLIC_URL("http://127.0.0.1:<port>", false,
            "the engine's externally reachable base URL; Antom's notify URL is derived from it. Required when "
                    + "`PAYENGINE_ANTOM_ENDPOINT` is one of Antom's regions"),
    API_KEYS(null, true,
            "comma-separated bearer keys of the merchant API, each at least 16 printable characters; several allow "
                    + "rotation"),
    HTTP_MAX_BODY_BYTES("65536", false,
            "the largest request body accepted (413 beyond)"),
    HTTP_WORKER_THREADS("0", false,
            "threads for blocking work (database, Antom calls); 0 for Undertow's default (8 per core)"),
    DEMO_PAGES("false", false,
            "serve the demo shop, result and orders pages; they need no API key, so `serve` refuses to start with them "
                    + "unless `PAYENGINE_HTTP_HOST` is a loopback address (`127.0.0.1`, `::1`, `localhost`)"),
    LOG_LEVEL("INFO", false,
            "the engine's log level (`ERROR`, `WARN`, `INFO`, `DEBUG`, `TRACE`; the libraries stay at `WARN`); taken from "
                    + "the environment only, since logging starts before a `--config` file is read"),
    SHUTDOWN_GRACE_SECONDS("20", false,
            "how long a stopping engine lets in-flight requests and worker runs finish"),

    DATA_DIR("./data", false,
            "where the embedded H2 database lives when `PAYENGINE_DB_URL` is not set"),
    DB_URL("an H2 file under `PAYENGINE_DATA_DIR`", false,
            "JDBC URL: `jdbc:postgresql://…` or `jdbc:h2:…`"),
    DB_USER("`sa` for the embedded H2", false,
            "database user (an empty value leaves the URL's own)"),
    DB_PASSWORD(null, true,
            "database password"),
    DB_SCHEMA(null, false,
            "schema to work in (created when missing); the connection's default when not set"),
    DB_POOL_SIZE("10", false,
            "the most database connections of this node"),
    DB_CONNECTION_TIMEOUT_MILLIS("5000", false,
            "the longest a request waits for a connection from the pool (checking one and opening one included); "
                    + "longer answers 503"),
    DB_STATEMENT_TIMEOUT_MILLIS("10000", false,
            "the longest one statement may run"),
    DB_CONNECT_TIMEOUT_SECONDS("5", false,
            "PostgreSQL: the longest opening a new connection may take (TCP connect and login)"),
    DB_SOCKET_TIMEOUT_SECONDS("15", false,
            "PostgreSQL: the longest wait for the database's answer on an open connection, after which a silent "
                    + "database (a network partition, a dead host) is given up and the request answered 503; longer "
                    + "than the statement timeout. Schema migrations are not held to it"),
    DB_VALIDATION_TIMEOUT_MILLIS("2000", false,
            "the longest checking that a pooled connection is alive may take (at most the connection timeout)"),
    MIGRATE_ON_START("true", false,
            "apply the schema migrations when `serve` starts (`false` when `migrate` is run separately)"),

    ANTOM_ENDPOINT(null, false,
            "Antom's region: `ASIA` (or `SG`), `NORTH_AMERICA` (or `US`; merchants outside the US), "
                    + "`NORTH_AMERICA_US_MERCHANTS` (merchants domiciled in the US), `EUROPE` (or `DE`); "
                    + "or a base URL such as `http://127.0.0.1:8081` (a simulator)"),
    ANTOM_CLIENT_ID(null, false,
            "the client id from Antom Dashboard"),
    ANTOM_MERCHANT_PRIVATE_KEY(null, true,
            "the merchant's PKCS#8 RSA private key, PEM or bare base64 (or `…_FILE`: a path to it)"),
    ANTOM_MERCHANT_PRIVATE_KEY_FILE(null, false,
            "a file holding the merchant's private key (set this or the key itself)"),
    ANTOM_PUBLIC_KEY(null, false,
            "Antom's X.509 RSA public key, PEM or bare base64 (or `…_FILE`: a path to it)"),
    ANTOM_PUBLIC_KEY_FILE(null, false,
            "a file holding Antom's public key (set this or the key itself)"),
    ANTOM_SANDBOX("false", false,
            "`true` calls Antom's sandbox paths `/ams/sandbox/api/...`"),
    ANTOM_NOTIFY_URL("`PAYENGINE_PUBLIC_URL` + `/notifications/antom`", false,
            "the URL Antom sends notifications to"),
    ANTOM_CONNECT_TIMEOUT_MILLIS("10000", false,
            "connect timeout of calls to Antom"),
    ANTOM_READ_TIMEOUT_MILLIS("10000", false,
            "read timeout of calls to Antom (Antom recommends at least 10 s for pay)"),
    ANTOM_ALLOW_PLAIN_HTTP("false", false,
            "allow an `http://` endpoint on a non-loopback host"),

    WEBHOOK_URL(null, false,
            "the merchant's endpoint the engine's events are posted to, signed (`adapters-http/WEBHOOKS.md`); "
                    + "`https://…`, or `http://` for a loopback host. Not set: events go to the log"),
    WEBHOOK_SECRET(null, true,
            "the shared secret that signs each webhook (HMAC-SHA256), at least 24 characters; required with "
                    + "`PAYENGINE_WEBHOOK_URL` (or `…_FILE`: a path to it)"),
    WEBHOOK_SECRET_FILE(null, false,
            "a file holding the webhook secret (set this or the secret itself)"),
    WEBHOOK_TIMEOUT_MILLIS("10000", false,
            "connect and answer timeout of one webhook delivery; a slower endpoint gets the event again later"),

    RECONCILIATION_MERCHANT_ID(null, false,
            "the merchant id Antom gave this merchant (the reports' `customerId`): a report of another merchant is "
                    + "refused. Not set: every report is refused, saying so"),
    RECONCILIATION_CLOCK_TOLERANCE_SECONDS("600", false,
            "how far Antom's clock and the engine's may disagree: a day's transaction report is final this long after "
                    + "the day ended (UTC+8), and a success made this close to midnight is looked for in the next "
                    + "day's report too"),
    RECONCILIATION_MAX_REPORT_BYTES("67108864", false,
            "the largest report file `POST /v1/reconciliation/reports` accepts (413 beyond)"),
    RECONCILIATION_FETCH_AT("09:00", false,
            "when, each day at UTC+8 (Antom's offset), the workers fetch the new reports from the SFTP server and the "
                    + "directory below and check them (one node does it)"),
    RECONCILIATION_DIRECTORY(null, false,
            "a directory whose report files (any depth) the daily run and `reconcile --dir` take, each once"),
    RECONCILIATION_SFTP_HOST(null, false,
            "Antom's SFTP server, `isftp.alipay.com` (or `sftp.alipay.com`); not set: no SFTP"),
    RECONCILIATION_SFTP_PORT("22", false,
            "its port"),
    RECONCILIATION_SFTP_USER(null, false,
            "the SFTP user name Antom's support gave"),
    RECONCILIATION_SFTP_PASSWORD(null, true,
            "the SFTP password (or `…_FILE`: a path to it); or use a private key"),
    RECONCILIATION_SFTP_PASSWORD_FILE(null, false,
            "a file holding the SFTP password"),
    RECONCILIATION_SFTP_PRIVATE_KEY_FILE(null, false,
            "an OpenSSH or PEM private key file to authenticate with instead of a password"),
    RECONCILIATION_SFTP_HOST_KEY(null, false,
            "the server's host key fingerprint as `ssh-keygen -l` prints it (`SHA256:…`); required with the host: a "
                    + "server showing another key is never talked to"),
    RECONCILIATION_SFTP_ROOT("/v1/settlements", false,
            "the directory holding the merchants' report directories (`<root>/<merchantId>/<yyyyMMdd>/`)"),

    WORKERS("true", false,
            "run the background workers (follow-ups, capture guard, duplicate remediation, outbox) on this node"),
    WORKER_NODE_ID("`<host>-<pid>-<random>`", false,
            "this node's name on the work items it leases; unique per running process"),
    WORKER_THREADS("4", false,
            "threads working due items (calls to Antom, event deliveries) at once"),
    WORKER_BATCH("50", false,
            "items one run of a worker claims at most"),
    WORKER_LEASE_SECONDS("15", false,
            "how long a claimed item is reserved for this node, renewed every third of it while its work runs: a "
                    + "node that dies frees its items within this"),
    WORKER_IDLE_MILLIS("1000", false,
            "a worker's pause after a run that left nothing due"),
    WORKER_JITTER("0.2", false,
            "fraction (0–1) every pause, look and retry is spread by at random, so nodes do not fall into step"),
    FOLLOW_UP_CALL_WINDOW_SECONDS("60", false,
            "how long a pay or capture call may still be writing its answer; a call whose answer is missing after "
                    + "this is followed up on the short schedule"),
    FOLLOW_UP_UNKNOWN_SCHEDULE("5s,10s,15s,30s,1m,3m,5m,20m,30m,2h,3h", false,
            "the short schedule, for a call whose outcome is unknown: the wait before each look at Antom (units "
                    + "`s`, `m`, `h`, `d`); its length is the cap"),
    FOLLOW_UP_PAYMENT_GRACE_SECONDS("120", false,
            "how long past a payment's expiry its notification may still come before Antom is asked (and a payment "
                    + "Antom still calls processing is cancelled)"),
    FOLLOW_UP_RESULT_GRACE_SECONDS("120", false,
            "how long after a capture was requested (or an automatic capture authorized) its notification may come "
                    + "before Antom is asked"),
    FOLLOW_UP_OVERDUE_SCHEDULE("5m,15m,1h,6h,24h", false,
            "the slow schedule, for a notification that is overdue: the waits between the looks after the first; "
                    + "after the last the attempt is raised for review"),
    FOLLOW_UP_BUYER_GAP_SECONDS("4", false,
            "when the buyer is back (result page, `POST …/sync`), Antom is asked at once and then again this far "
                    + "apart; a return within this of the previous one is the same return"),
    FOLLOW_UP_BUYER_LOOKS("2", false,
            "how many more looks follow the one a buyer's return takes, while the payment is still processing"),
    FOLLOW_UP_BUYER_RETURNS("3", false,
            "how many of an attempt's returns may ask Antom; later ones answer what the engine knows"),
    ANTOM_CALLS_PER_SECOND("20", false,
            "this node's share of the merchant's rate limit at Antom, in calls per second per API (the account's "
                    + "limit divided by the nodes); background work leaves a quarter of it to the merchant's requests"),
    ANTOM_CALL_WAIT_MILLIS("2000", false,
            "how long a merchant's request may wait for its call's turn before it is answered 503 `ANTOM_BUSY`"),
    ANTOM_BACKOFF_SECONDS("1", false,
            "the node's first pause when Antom answers `REQUEST_TRAFFIC_EXCEED_LIMIT` (or HTTP 429), doubling "
                    + "while it keeps answering so"),
    ANTOM_MAX_BACKOFF_SECONDS("60", false,
            "the longest such pause"),
    CAPTURE_GUARD_POLICY("CANCEL", false,
            "what the capture guard does with an uncaptured manual-capture authorization near its deadline: "
                    + "`CANCEL` (release the funds) or `CAPTURE`"),
    CAPTURE_GUARD_LEAD_SECONDS("86400", false,
            "how long before the capture deadline \"capture deadline near\" is raised (and, with `CAPTURE`, the "
                    + "capture made)"),
    CAPTURE_GUARD_MARGIN_SECONDS("900", false,
            "how long before the capture deadline an authorization nobody captured is cancelled"),
    CAPTURE_GUARD_RECHECK_SECONDS("3600", false,
            "the longest an authorization goes unlooked at by the capture guard"),
    REMEDIATION_RETRY_SECONDS("5", false,
            "first retry of undoing a duplicate payment (cancel or refund), then doubling"),
    REMEDIATION_MAX_RETRY_SECONDS("600", false,
            "the longest wait between two tries of undoing a duplicate payment"),
    OUTBOX_RETRY_SECONDS("5", false,
            "first retry of an event the event sink (the webhook) refused, then doubling"),
    OUTBOX_MAX_RETRY_SECONDS("3600", false,
            "the longest wait between two deliveries of an event"),
    OUTBOX_MAX_FAILURES("20", false,
            "failed deliveries after which an event is dead-lettered (set aside, logged, counted by "
                    + "`payengine_outbox_dead_letters` in `/metrics`) and "
                    + "its order's next events go ahead");

    /** What every name of a setting starts with; other environment variables are none of the engine's business. */
    public static final String PREFIX = "PAYENGINE_";

    private final String defaultValue;
    private final boolean secret;
    private final String meaning;

    Setting(String defaultValue, boolean secret, String meaning) {
        this.defaultValue = defaultValue;
        this.secret = secret;
        this.meaning = meaning;
    }

    /** The environment variable, which is also the key in a {@code --config} file. */
    public String variable() {
        return PREFIX + name();
    }

    /** The default, as a person reads it; empty when the setting is required or simply absent by default. */
    public Optional<String> defaultValue() {
        return Optional.ofNullable(defaultValue);
    }

    /** Whether the value is a secret: never logged, masked in a configuration dump. */
    public boolean secret() {
        return secret;
    }

    public String meaning() {
        return meaning;
    }

    public static Optional<Setting> named(String variable) {
        return Arrays.stream(values()).filter(setting -> setting.variable().equals(variable)).findFirst();
    }

    /** Whether the engine reads this name. */
    public static boolean isKnown(String variable) {
        return named(variable).isPresent();
    }
}
