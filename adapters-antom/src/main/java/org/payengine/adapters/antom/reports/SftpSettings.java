package org.payengine.adapters.antom.reports;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach Antom's SFTP server for the reports: {@code isftp.alipay.com} (or {@code sftp.alipay.com}) on port 22,
 * with the user name and password Antom's support gives (or a key), from an IP address Antom has registered.
 *
 * @param host           the server
 * @param port           its port (22)
 * @param user           the account's user name
 * @param password       the password, or empty when a key is used
 * @param privateKeyFile an OpenSSH or PEM private key file, or empty when the password is used
 * @param hostKey        the server's host key fingerprint as {@code ssh-keygen -l} prints it
 *                       ({@code SHA256:…}): a server showing another key is never talked to
 * @param root           the directory the merchants' report directories are in ({@code /v1/settlements})
 * @param merchantId     the merchant's id at Antom: its reports are under {@code <root>/<merchantId>/<yyyyMMdd>/}
 * @param timeout        for connecting, authenticating and each read
 */
public record SftpSettings(String host, int port, String user, Optional<String> password,
                           Optional<Path> privateKeyFile, String hostKey, String root, String merchantId,
                           Duration timeout) {

    public static final String ANTOM_HOST = "isftp.alipay.com";
    public static final String ANTOM_ROOT = "/v1/settlements";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    public SftpSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(privateKeyFile, "privateKeyFile");
        Objects.requireNonNull(hostKey, "hostKey");
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(merchantId, "merchantId");
        Objects.requireNonNull(timeout, "timeout");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be between 1 and 65535, was " + port);
        }
        if (password.isEmpty() && privateKeyFile.isEmpty()) {
            throw new IllegalArgumentException("SFTP needs a password or a private key file");
        }
        if (!hostKey.startsWith("SHA256:")) {
            throw new IllegalArgumentException("the host key must be a SHA256 fingerprint as ssh-keygen -l prints it "
                    + "(SHA256:…), was \"" + hostKey + "\"");
        }
    }

    /** The merchant's own report directory. */
    String merchantDirectory() {
        return root.replaceAll("/+$", "") + "/" + merchantId;
    }

    @Override
    public String toString() {
        return "SftpSettings[sftp://" + user + "@" + host + ":" + port + merchantDirectory() + ", password "
                + (password.isPresent() ? "******" : "none") + ", key " + privateKeyFile.map(Path::toString).orElse("none")
                + ", host key " + hostKey + "]";
    }
}
