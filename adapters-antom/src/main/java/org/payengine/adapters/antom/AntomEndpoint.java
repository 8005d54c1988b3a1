package org.payengine.adapters.antom;

import com.alipay.global.api.model.constants.EndPointConstants;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Where Antom's API is: one of Antom's regional hosts ({@code SG}, {@code US}, {@code DE}) or any
 * base URL (a local simulator, a proxy). Plain HTTP is refused unless the host is a loopback
 * address or plain HTTP was explicitly allowed: card payments never travel over an open network
 * unencrypted by accident.
 */
public final class AntomEndpoint {

    private final URI baseUrl;

    private AntomEndpoint(URI baseUrl) {
        this.baseUrl = baseUrl;
    }

    /**
     * Reads a region name ({@code SG}, {@code US}, {@code DE}; any case) or an absolute
     * {@code https://} URL; {@code http://} only for a loopback host or when
     * {@code allowPlainHttp} is set.
     *
     * @throws IllegalArgumentException naming the problem
     */
    public static AntomEndpoint of(String regionOrBaseUrl, boolean allowPlainHttp) {
        if (regionOrBaseUrl == null || regionOrBaseUrl.isBlank()) {
            throw new IllegalArgumentException("Antom endpoint: is empty; give SG, US, DE or a base URL");
        }
        String value = regionOrBaseUrl.strip();
        switch (value.toUpperCase(Locale.ROOT)) {
            case "SG":
                return new AntomEndpoint(URI.create(EndPointConstants.SG));
            case "US":
                return new AntomEndpoint(URI.create(EndPointConstants.US));
            case "DE":
                return new AntomEndpoint(URI.create(EndPointConstants.DE));
            default:
                return new AntomEndpoint(baseUrl(value, allowPlainHttp));
        }
    }

    private static URI baseUrl(String value, boolean allowPlainHttp) {
        URI uri;
        try {
            uri = new URI(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Antom endpoint: '" + value
                    + "' is neither a region (SG, US, DE) nor a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new IllegalArgumentException("Antom endpoint: '" + value
                    + "' is neither a region (SG, US, DE) nor an absolute http(s) URL with a host");
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
