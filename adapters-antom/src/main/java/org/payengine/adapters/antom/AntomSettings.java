package org.payengine.adapters.antom;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the Antom adapter needs to talk to Antom and to check what Antom says: the client
 * id, the merchant's private key (signs requests), Antom's public key (verifies responses and
 * notifications), the endpoint, sandbox or live paths, timeouts and the notification URL.
 *
 * <p>Built from values ({@link #builder()}); the adapter never reads the environment (the composition root
 * names the settings and reads them). Keys are parsed and checked when the settings are built, so a bad key
 * fails at start-up with a message that names the key and the problem, never its content.
 * {@link #toString()} shows no secret.
 */
public final class AntomSettings {


    /** How the keys are named in messages: by what they are, never by their content. */
    private static final String MERCHANT_PRIVATE_KEY = "merchant private key";
    private static final String ANTOM_PUBLIC_KEY = "Antom public key";

    /** Antom recommends a client timeout of at least 10 s for pay. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    /** The engine bounds request bodies to 64 KiB; Antom's notifications are a few KiB. */
    public static final int DEFAULT_MAX_NOTIFICATION_BYTES = 64 * 1024;

    private final String clientId;
    private final PrivateKey merchantPrivateKey;
    private final PublicKey antomPublicKey;
    private final AntomEndpoint endpoint;
    private final boolean sandbox;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final URI notifyUrl;
    private final KeyStore trustStore;
    private final int maxNotificationBytes;

    private AntomSettings(Builder builder) {
        this.clientId = builder.clientId;
        this.merchantPrivateKey = builder.merchantPrivateKey;
        this.antomPublicKey = builder.antomPublicKey;
        this.endpoint = builder.endpoint;
        this.sandbox = builder.sandbox;
        this.connectTimeout = builder.connectTimeout;
        this.readTimeout = builder.readTimeout;
        this.notifyUrl = builder.notifyUrl;
        this.trustStore = builder.trustStore;
        this.maxNotificationBytes = builder.maxNotificationBytes;
    }

    public static Builder builder() {
        return new Builder();
    }

    public String clientId() {
        return clientId;
    }

    PrivateKey merchantPrivateKey() {
        return merchantPrivateKey;
    }

    PublicKey antomPublicKey() {
        return antomPublicKey;
    }

    public AntomEndpoint endpoint() {
        return endpoint;
    }

    public boolean sandbox() {
        return sandbox;
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    public Duration readTimeout() {
        return readTimeout;
    }

    /** The URL Antom sends notifications to, sent as {@code paymentNotifyUrl}/{@code refundNotifyUrl}. */
    public Optional<URI> notifyUrl() {
        return Optional.ofNullable(notifyUrl);
    }

    Optional<KeyStore> trustStore() {
        return Optional.ofNullable(trustStore);
    }

    public int maxNotificationBytes() {
        return maxNotificationBytes;
    }

    @Override
    public String toString() {
        return "AntomSettings[clientId=" + clientId + ", endpoint=" + endpoint + ", sandbox=" + sandbox
                + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout
                + ", notifyUrl=" + notifyUrl + ", customTrustStore=" + (trustStore != null)
                + ", keys=(not shown)]";
    }

    /** Builds {@link AntomSettings}; {@link #build()} says everything that is missing at once. */
    public static final class Builder {
        private String clientId;
        private PrivateKey merchantPrivateKey;
        private PublicKey antomPublicKey;
        private String endpointText;
        private AntomEndpoint endpoint;
        private boolean allowPlainHttp;
        private boolean sandbox;
        private Duration connectTimeout = DEFAULT_TIMEOUT;
        private Duration readTimeout = DEFAULT_TIMEOUT;
        private URI notifyUrl;
        private KeyStore trustStore;
        private int maxNotificationBytes = DEFAULT_MAX_NOTIFICATION_BYTES;

        private Builder() {
        }

        public Builder clientId(String clientId) {
            if (clientId == null || clientId.isBlank()) {
                throw new IllegalArgumentException("client id: is empty");
            }
            this.clientId = clientId.strip();
            return this;
        }

        /** The merchant's PKCS#8 RSA private key, PEM or bare base64. */
        public Builder merchantPrivateKey(String pemOrBase64) {
            this.merchantPrivateKey = RsaKeyText.privateKey(MERCHANT_PRIVATE_KEY, pemOrBase64);
            return this;
        }

        public Builder merchantPrivateKeyFile(Path file) {
            String name = MERCHANT_PRIVATE_KEY + " file " + file;
            this.merchantPrivateKey = RsaKeyText.privateKey(name, read(name, file));
            return this;
        }

        /** Antom's X.509 RSA public key (from Antom Dashboard), PEM or bare base64. */
        public Builder antomPublicKey(String pemOrBase64) {
            this.antomPublicKey = RsaKeyText.publicKey(ANTOM_PUBLIC_KEY, pemOrBase64);
            return this;
        }

        public Builder antomPublicKeyFile(Path file) {
            String name = ANTOM_PUBLIC_KEY + " file " + file;
            this.antomPublicKey = RsaKeyText.publicKey(name, read(name, file));
            return this;
        }

        /**
         * One of Antom's regions ({@code ASIA}, {@code NORTH_AMERICA}, {@code NORTH_AMERICA_US_MERCHANTS}, {@code EUROPE},
         * or {@code SG}, {@code US}, {@code DE}; see {@link AntomEndpoint}), or a base URL such as
         * {@code http://127.0.0.1:8081}.
         */
        public Builder endpoint(String regionOrBaseUrl) {
            this.endpointText = regionOrBaseUrl;
            return this;
        }

        /** Allows {@code http://} to a non-loopback host (loopback is always allowed). Off by default. */
        public Builder allowPlainHttp(boolean allow) {
            this.allowPlainHttp = allow;
            return this;
        }

        /** Use Antom's sandbox paths ({@code /ams/sandbox/api/...}). */
        public Builder sandbox(boolean sandbox) {
            this.sandbox = sandbox;
            return this;
        }

        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive("connect timeout", timeout);
            return this;
        }

        public Builder readTimeout(Duration timeout) {
            this.readTimeout = positive("read timeout", timeout);
            return this;
        }

        /** The absolute URL Antom should send notifications to. */
        public Builder notifyUrl(String url) {
            URI uri = URI.create(Objects.requireNonNull(url, "notify URL"));
            if (!uri.isAbsolute() || uri.getHost() == null) {
                throw new IllegalArgumentException("notify URL: '" + url + "' is not an absolute URL");
            }
            this.notifyUrl = uri;
            return this;
        }

        /**
         * Trust these certificates instead of the JDK's default trust store (a self-signed test
         * server). Certificates are still validated: chain and host name.
         */
        public Builder trustStore(KeyStore trustStore) {
            this.trustStore = Objects.requireNonNull(trustStore, "trust store");
            return this;
        }

        public Builder maxNotificationBytes(int bytes) {
            if (bytes < 1024) {
                throw new IllegalArgumentException("max notification bytes: " + bytes + " is below 1024");
            }
            this.maxNotificationBytes = bytes;
            return this;
        }

        public AntomSettings build() {
            List<String> missing = new ArrayList<>();
            if (clientId == null) {
                missing.add("client id");
            }
            if (merchantPrivateKey == null) {
                missing.add(MERCHANT_PRIVATE_KEY);
            }
            if (antomPublicKey == null) {
                missing.add(ANTOM_PUBLIC_KEY);
            }
            if (endpointText == null) {
                missing.add("endpoint");
            }
            if (!missing.isEmpty()) {
                throw new IllegalArgumentException("Antom settings: missing " + String.join(", ", missing));
            }
            endpoint = AntomEndpoint.of(endpointText, allowPlainHttp);
            return new AntomSettings(this);
        }

        private static String read(String name, Path file) {
            try {
                return Files.readString(file, StandardCharsets.US_ASCII);
            } catch (IOException e) {
                throw new KeyFormatException(name, "cannot read " + file + ": " + e.getClass().getSimpleName());
            }
        }

        private static Duration positive(String name, Duration timeout) {
            if (timeout == null || timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException(name + ": must be positive, was " + timeout);
            }
            return timeout;
        }
    }
}
