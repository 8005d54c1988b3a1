package org.payengine.simulator.reports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionListener;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

/**
 * Antom's SFTP server for the reports, on an embedded SSH server (Apache MINA SSHD): the files of every day that has
 * ended (UTC+8, on the simulated clock) under {@code /v1/settlements/<merchantId>/<yyyyMMdd>/}, named as Antom names
 * them. A file, once published, is never changed. Password authentication as the merchant id; the host key is kept
 * in the keys directory (or made in memory), so a client can pin its fingerprint.
 */
public final class ReportsSftpServer implements AutoCloseable {

    /** Where Antom keeps the merchants' report directories. */
    public static final String ROOT = "/v1/settlements";

    private final SimulatorReports reports;
    private final Supplier<LocalDate> today;
    private final ReportLayout layout;
    private final Path files;
    private final String password;
    private final SshServer server;
    private final KeyPair hostKey;

    /**
     * @param hostKeyFile where the host key is kept (created when missing), or {@code null} for one made in memory
     * @param today       the simulated day (UTC+8): the days before it are published
     */
    public ReportsSftpServer(String host, int port, SimulatorReports reports, Supplier<LocalDate> today,
                             ReportLayout layout, String password, Path hostKeyFile) {
        this.reports = reports;
        this.today = today;
        this.layout = layout;
        this.password = password;
        try {
            this.files = Files.createTempDirectory("antom-simulator-sftp-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make the SFTP server's directory", e);
        }
        SimpleGeneratorHostKeyProvider keys = hostKeyFile == null ? new SimpleGeneratorHostKeyProvider()
                : new SimpleGeneratorHostKeyProvider(hostKeyFile);
        keys.setAlgorithm(KeyUtils.EC_ALGORITHM);
        this.hostKey = keys.loadKeys(null).iterator().next();
        server = SshServer.setUpDefaultServer();
        server.setHost(host);
        server.setPort(port);
        server.setKeyPairProvider(session -> List.of(hostKey));
        server.setPasswordAuthenticator((user, offered, session) -> reports.merchantId().equals(user)
                && MessageDigest.isEqual(password.getBytes(StandardCharsets.UTF_8), offered.getBytes(StandardCharsets.UTF_8)));
        server.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
        server.setFileSystemFactory(new VirtualFileSystemFactory(files));
        server.addSessionListener(new SessionListener() {
            @Override
            public void sessionCreated(Session session) {
                publish();
            }
        });
    }

    public ReportsSftpServer start() {
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve SFTP on port " + server.getPort() + ": " + e.getMessage(), e);
        }
        return this;
    }

    public int port() {
        return server.getPort();
    }

    /** The user name: the merchant id, as on Antom's server. */
    public String user() {
        return reports.merchantId();
    }

    public String password() {
        return password;
    }

    /** The host key's fingerprint as {@code ssh-keygen -l} prints it: {@code SHA256:…}. */
    public String hostKeyFingerprint() {
        return KeyUtils.getFingerPrint(hostKey.getPublic());
    }

    /** Writes the reports of every ended day not published yet; what was published stays as it was. */
    public synchronized void publish() {
        Path merchant = files.resolve(ROOT.substring(1)).resolve(reports.merchantId());
        try {
            for (Map.Entry<String, String> file : reports.filesBefore(today.get(), layout).entrySet()) {
                Path path = merchant.resolve(file.getKey());
                if (!Files.exists(path)) {
                    Files.createDirectories(path.getParent());
                    Path partial = path.resolveSibling(path.getFileName() + ".part");
                    Files.writeString(partial, file.getValue(), StandardCharsets.UTF_8);
                    Files.move(partial, path, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot publish the reports: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            server.stop(true);
        } catch (IOException e) {
            // stopping anyway
        }
        try (Stream<Path> paths = Files.walk(files)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            // a temporary directory: left for the system to clean
        }
    }
}
