package org.payengine.adapters.antom;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where Antom's API is: one of Antom's regional hosts, named as in the environment table of Antom's
 * API overview (docs.antom.com/ac/ams/api_fund, "Environment"), or any base URL (a local simulator,
 * a proxy). Plain HTTP is refused unless the host is a loopback address or plain HTTP was explicitly
 * allowed: card payments never travel over an open network unencrypted by accident.
 *
 * <table>
 *   <caption>Antom's regions</caption>
 *   <tr><th>name</th><th>also</th><th>host</th><th>for</th></tr>
 *   <tr><td>{@code ASIA}</td><td>{@code SG}</td><td>{@code https://open-sea-global.alipay.com}</td><td>merchants served
 *       from Asia</td></tr>
 *   <tr><td>{@code NORTH_AMERICA}</td><td>{@code US}</td><td>{@code https://open-na-global.alipay.com}</td><td>merchants
 *       served from North America that are <em>not</em> domiciled in the US</td></tr>
 *   <tr><td>{@code NORTH_AMERICA_US_MERCHANTS}</td><td></td><td>{@code https://open.antglobal-us.com}</td><td>merchants
 *       domiciled in the US</td></tr>
 *   <tr><td>{@code EUROPE}</td><td>{@code DE}</td><td>{@code https://open-de-global.alipay.com}</td><td>merchants served
 *       from Europe</td></tr>
 * </table>
 * The short names {@code SG}, {@code US} and {@code DE} are those of the SDK's {@code EndPointConstants}
 * and stay accepted; {@code US} is the host for merchants <em>outside</em> the US, which is logged as a
 * warning so that a US merchant notices.
 */
public final class AntomEndpoint {

    private static final Logger LOG = LoggerFactory.getLogger(AntomEndpoint.class);

    /** Antom's regional hosts. */
    public enum Region {
        ASIA("SG", "https://open-sea-global.alipay.com"),
        NORTH_AMERICA("US", "https://open-na-global.alipay.com"),
        NORTH_AMERICA_US_MERCHANTS(null, "https://open.antglobal-us.com"),
        EUROPE("DE", "https://open-de-global.alipay.com");

        private final String shortName;
        private final URI host;

        Region(String shortName, String host) {
            this.shortName = shortName;
            this.host = URI.create(host);
        }

        /** The region with this name or short name (any case), if it is one. */
        public static Optional<Region> named(String name) {
            String upper = name.strip().toUpperCase(Locale.ROOT);
            for (Region region : values()) {
                if (region.name().equals(upper) || upper.equals(region.shortName)) {
                    return Optional.of(region);
                }
            }
            return Optional.empty();
        }

        public URI host() {
            return host;
        }
    }

    private static final String NAMES = "ASIA (SG), NORTH_AMERICA (US), NORTH_AMERICA_US_MERCHANTS, EUROPE (DE)";

    private final URI baseUrl;

    private AntomEndpoint(URI baseUrl) {
        this.baseUrl = baseUrl;
    }

    /**
     * Reads a region name ({@code ASIA}, {@code NORTH_AMERICA}, {@code NORTH_AMERICA_US_MERCHANTS},
     * {@code EUROPE}, or the short {@code SG}, {@code US}, {@code DE}; any case) or an absolute
     * {@code https://} URL; {@code http://} only for a loopback host or when {@code allowPlainHttp} is set.
     *
     * @throws IllegalArgumentException naming the problem
     */
    public static AntomEndpoint of(String regionOrBaseUrl, boolean allowPlainHttp) {
        if (regionOrBaseUrl == null || regionOrBaseUrl.isBlank()) {
            throw new IllegalArgumentException("Antom endpoint: is empty; give a region (" + NAMES + ") or a base URL");
        }
        String value = regionOrBaseUrl.strip();
        Optional<Region> region = Region.named(value);
        if (region.isPresent()) {
            if (value.equalsIgnoreCase("US")) {
                LOG.warn("Antom endpoint US is Antom's North America host for merchants outside the US ({}); a merchant"
                        + " domiciled in the US uses NORTH_AMERICA_US_MERCHANTS ({})", Region.NORTH_AMERICA.host(),
                        Region.NORTH_AMERICA_US_MERCHANTS.host());
            }
            return new AntomEndpoint(region.get().host());
        }
        return new AntomEndpoint(baseUrl(value, allowPlainHttp));
    }

    /** Whether {@code value} names one of Antom's regions rather than a base URL. */
    public static boolean isRegion(String value) {
        return value != null && Region.named(value).isPresent();
    }

    private static URI baseUrl(String value, boolean allowPlainHttp) {
        URI uri;
        try {
            uri = new URI(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Antom endpoint: '" + value
                    + "' is neither a region (" + NAMES + ") nor a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new IllegalArgumentException("Antom endpoint: '" + value
                    + "' is neither a region (" + NAMES + ") nor an absolute http(s) URL with a host");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null
                || !(uri.getRawPath() == null || uri.getRawPath().isEmpty())) {
            // Antom signs the API path itself (/ams/api/v1/...): a prefix would break every signature
            throw new IllegalArgumentException("Antom endpoint: '" + value
                    + "' must be scheme, host and port only: no path, user info, query or fragment");
        }
        if (scheme.equals("http") && !allowPlainHttp && !isLoopback(uri.getHost())) {
            throw new IllegalArgumentException("Antom endpoint: '" + value + "' is plain HTTP to a"
                    + " non-loopback host; use https, or allow plain HTTP explicitly");
        }
        return uri;
    }

    private static boolean isLoopback(String host) {
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        String literal = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        if (!literal.matches("[0-9.]+|[0-9a-fA-F:.]+")) {
            return false; // a name other than localhost: never resolved here, never trusted as local
        }
        try {
            return InetAddress.getByName(literal).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** The base URL, without a trailing slash; API paths are appended to it. */
    public URI baseUrl() {
        return baseUrl;
    }

    boolean isPlainHttp() {
        return baseUrl.getScheme().equalsIgnoreCase("http");
    }

    @Override
    public String toString() {
        return baseUrl.toString();
    }
}
