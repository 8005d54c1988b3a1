package org.payengine.adapters.antom.reports;

import java.io.IOException;
import java.io.InputStream;
import java.net.SocketAddress;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.keyverifier.ServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.keyprovider.FileKeyPairProvider;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClientFactory;
import org.payengine.application.port.ReportFile;
import org.payengine.application.port.ReportListing;
import org.payengine.application.port.ReportSource;
import org.payengine.application.port.ReportSourceUnavailableException;

/**
 * Antom's reports on its SFTP server, in Antom's layout: {@code <root>/<merchantId>/<yyyyMMdd>/<file>}. Each call
 * connects anew (the daily run lists once and fetches a few files), checks the server's host key against the
 * configured fingerprint before anything is sent, and authenticates with the password or the private key. Only
 * reads: never removes, renames or writes a file.
 */
public final class SftpReportSource implements ReportSource {

    private final SftpSettings settings;

    public SftpReportSource(SftpSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public String name() {
        return "sftp://" + settings.host() + ":" + settings.port();
    }

    @Override
    public List<ReportListing> list() {
        return withSftp("list " + settings.merchantDirectory(), sftp -> {
            List<ReportListing> files = new ArrayList<>();
            for (SftpClient.DirEntry day : sftp.readDir(settings.merchantDirectory())) {
                if (!day.getAttributes().isDirectory() || day.getFilename().startsWith(".")) {
                    continue;
                }
                String directory = settings.merchantDirectory() + "/" + day.getFilename();
                for (SftpClient.DirEntry file : sftp.readDir(directory)) {
                    SftpClient.Attributes attributes = file.getAttributes();
                    if (attributes.isRegularFile()) {
                        files.add(new ReportListing(directory + "/" + file.getFilename(), attributes.getSize(),
                                attributes.getModifyTime().toInstant()));
                    }
                }
            }
            return files;
        });
    }

    @Override
    public ReportFile fetch(ReportListing file) {
        return withSftp("read " + file.path(), sftp -> {
            try (InputStream in = sftp.read(file.path())) {
                return new ReportFile(file.fileName(), in.readAllBytes());
            }
        });
    }

    private interface SftpWork<T> {
        T run(SftpClient sftp) throws IOException;
    }

    private <T> T withSftp(String what, SftpWork<T> work) {
        SshClient client = SshClient.setUpDefaultClient();
        client.setServerKeyVerifier(new FingerprintVerifier(settings.hostKey()));
        settings.privateKeyFile().ifPresent(key -> client.setKeyIdentityProvider(new FileKeyPairProvider(key)));
        client.start();
        try (ClientSession session = client.connect(settings.user(), settings.host(), settings.port())
                .verify(settings.timeout()).getSession()) {
            settings.password().ifPresent(session::addPasswordIdentity);
            session.auth().verify(settings.timeout());
            try (SftpClient sftp = SftpClientFactory.instance().createSftpClient(session)) {
                return work.run(sftp);
            }
        } catch (IOException | RuntimeException e) {
            throw new ReportSourceUnavailableException("cannot " + what + " on " + name() + " as " + settings.user()
                    + ": " + e.getMessage(), e);
        } finally {
            client.stop();
        }
    }

    /** Accepts exactly the server whose host key has the configured fingerprint. */
    private static final class FingerprintVerifier implements ServerKeyVerifier {
        private final String expected;

        FingerprintVerifier(String expected) {
            this.expected = expected;
        }

        @Override
        public boolean verifyServerKey(ClientSession session, SocketAddress remote, PublicKey serverKey) {
            return expected.equals(KeyUtils.getFingerPrint(serverKey));
        }
    }
}
