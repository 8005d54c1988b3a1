package org.payengine.bootstrap.config;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.payengine.application.worker.WorkerSettings;

/**
 * Every setting of {@code serve} and {@code migrate}: its name (an environment variable, or a key of the
 * {@code --config} properties file), its default, whether it is a secret, and what it means. The README's
 * configuration table is this list; a test keeps the two the same.
 */
public enum Setting {

    HTTP_HOST("PAYENGINE_HTTP_HOST", "0.0.0.0", false,
            "the address the HTTP server listens on"),
    HTTP_PORT("PAYENGINE_HTTP_PORT", "8080", false,
            "the HTTP port (0 picks a free one)"),
    PUBLIC_URL("PAYENGINE_PUBLIC_URL", "http://127.0.0.1:<port>", false,
            "the engine's externally reachable base URL; Antom's notify URL is derived from it. Required when "
                    + "`PAYENGINE_ANTOM_ENDPOINT` is one of Antom's regions"),
    API_KEYS("PAYENGINE_API_KEYS", null, true,
            "comma-separated bearer keys of the merchant API, each at least 16 printable characters; several allow "
                    + "rotation"),
    HTTP_MAX_BODY_BYTES("PAYENGINE_HTTP_MAX_BODY_BYTES", "65536", false,
            "the largest request body accepted (413 beyond)"),
    HTTP_WORKER_THREADS("PAYENGINE_HTTP_WORKER_THREADS", "0", false,
            "threads for blocking work (database, Antom calls); 0 for Undertow's default (8 per core)"),
    DEMO_PAGES("PAYENGINE_DEMO_PAGES", "false", false,
            "serve the demo shop, result and orders pages (they need no API key: never on a reachable engine)"),
    SHUTDOWN_GRACE_SECONDS("PAYENGINE_SHUTDOWN_GRACE_SECONDS", "20", false,
            "how long a stopping engine lets in-flight requests and worker runs finish"),

    DATA_DIR("PAYENGINE_DATA_DIR", "./data", false,
            "where the embedded H2 database lives when `PAYENGINE_DB_URL` is not set"),
    DB_URL("PAYENGINE_DB_URL", "an H2 file under `PAYENGINE_DATA_DIR`", false,
            "JDBC URL: `jdbc:postgresql://…` or `jdbc:h2:…`"),
    DB_USER("PAYENGINE_DB_USER", "`sa` for the embedded H2", false,
            "database user (an empty value leaves the URL's own)"),
    DB_PASSWORD("PAYENGINE_DB_PASSWORD", null, true,
            "database password"),
    DB_SCHEMA("PAYENGINE_DB_SCHEMA", null, false,
            "schema to work in (created when missing); the connection's default when not set"),
    DB_POOL_SIZE("PAYENGINE_DB_POOL_SIZE", "10", false,
            "the most database connections of this node"),
    DB_CONNECTION_TIMEOUT_MILLIS("PAYENGINE_DB_CONNECTION_TIMEOUT_MILLIS", "5000", false,
            "waiting longer for a connection answers 503"),
    DB_STATEMENT_TIMEOUT_MILLIS("PAYENGINE_DB_STATEMENT_TIMEOUT_MILLIS", "10000", false,
            "the longest one statement may run"),
    MIGRATE_ON_START("PAYENGINE_MIGRATE_ON_START", "true", false,
            "apply the schema migrations when `serve` starts (`false` when `migrate` is run separately)"),

    ANTOM_ENDPOINT("PAYENGINE_ANTOM_ENDPOINT", null, false,
            "Antom's region `SG`, `US`, `DE`, or a base URL such as `http://127.0.0.1:8081` (a simulator)"),
    ANTOM_CLIENT_ID("PAYENGINE_ANTOM_CLIENT_ID", null, false,
            "the client id from Antom Dashboard"),
    ANTOM_MERCHANT_PRIVATE_KEY("PAYENGINE_ANTOM_MERCHANT_PRIVATE_KEY", null, true,
            "the merchant's PKCS#8 RSA private key, PEM or bare base64 (or `…_FILE`: a path to it)"),
    ANTOM_MERCHANT_PRIVATE_KEY_FILE("PAYENGINE_ANTOM_MERCHANT_PRIVATE_KEY_FILE", null, false,
            "a file holding the merchant's private key (set this or the key itself)"),
    ANTOM_PUBLIC_KEY("PAYENGINE_ANTOM_PUBLIC_KEY", null, false,
            "Antom's X.509 RSA public key, PEM or bare base64 (or `…_FILE`: a path to it)"),
    ANTOM_PUBLIC_KEY_FILE("PAYENGINE_ANTOM_PUBLIC_KEY_FILE", null, false,
            "a file holding Antom's public key (set this or the key itself)"),
    ANTOM_SANDBOX("PAYENGINE_ANTOM_SANDBOX", "false", false,
            "`true` calls Antom's sandbox paths `/ams/sandbox/api/...`"),
    ANTOM_NOTIFY_URL("PAYENGINE_ANTOM_NOTIFY_URL", "`PAYENGINE_PUBLIC_URL` + `/notifications/antom`", false,
            "the URL Antom sends notifications to"),
    ANTOM_CONNECT_TIMEOUT_MILLIS("PAYENGINE_ANTOM_CONNECT_TIMEOUT_MILLIS", "10000", false,
            "connect timeout of calls to Antom"),
    ANTOM_READ_TIMEOUT_MILLIS("PAYENGINE_ANTOM_READ_TIMEOUT_MILLIS", "10000", false,
            "read timeout of calls to Antom (Antom recommends at least 10 s for pay)"),
    ANTOM_ALLOW_PLAIN_HTTP("PAYENGINE_ANTOM_ALLOW_PLAIN_HTTP", "false", false,
            "allow an `http://` endpoint on a non-loopback host"),

    WORKERS("PAYENGINE_WORKERS", "true", false,
            "run the background workers (poller, capture guard, duplicate remediation, outbox) on this node; their "
                    + "tuning (`PAYENGINE_WORKER_*`, `PAYENGINE_POLL_*`, …) is listed in `WorkerSettings`");

    /** What every name of a setting starts with; other environment variables are none of the engine's business. */
    public static final String PREFIX = "PAYENGINE_";

    private final String variable;
    private final String defaultValue;
    private final boolean secret;
    private final String meaning;

    Setting(String variable, String defaultValue, boolean secret, String meaning) {
        this.variable = variable;
        this.defaultValue = defaultValue;
        this.secret = secret;
        this.meaning = meaning;
    }

    /** The environment variable, which is also the key in a {@code --config} file. */
    public String variable() {
        return variable;
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
        return Arrays.stream(values()).filter(setting -> setting.variable.equals(variable)).findFirst();
    }

    /** Whether the engine reads this name: one of these settings, or one the workers' settings read themselves. */
    public static boolean isKnown(String variable) {
        return named(variable).isPresent() || WORKER_TUNING.contains(variable);
    }

    /** The names {@link WorkerSettings} reads, taken from its constants so that the two lists never drift. */
    private static final Set<String> WORKER_TUNING = Arrays.stream(WorkerSettings.class.getFields())
            .filter(field -> Modifier.isStatic(field.getModifiers()) && field.getType() == String.class)
            .map(Setting::constantValue)
            .filter(name -> name.startsWith("PAYENGINE_"))
            .collect(Collectors.toUnmodifiableSet());

    private static String constantValue(Field field) {
        try {
            return (String) field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
