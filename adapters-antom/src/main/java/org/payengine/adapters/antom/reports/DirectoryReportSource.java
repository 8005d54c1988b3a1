package org.payengine.adapters.antom.reports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.payengine.application.port.ReportFile;
import org.payengine.application.port.ReportListing;
import org.payengine.application.port.ReportSource;
import org.payengine.application.port.ReportSourceUnavailableException;

/**
 * Report files in a directory the merchant fills (a copy of Antom's SFTP directory, or the Dashboard's downloads):
 * every regular file at any depth. Read-only.
 */
public final class DirectoryReportSource implements ReportSource {

    private final Path root;

    public DirectoryReportSource(Path root) {
        this.root = Objects.requireNonNull(root, "root").toAbsolutePath().normalize();
    }

    @Override
    public String name() {
        return "file:" + root;
    }

    @Override
    public List<ReportListing> list() {
        if (!Files.isDirectory(root)) {
            throw new ReportSourceUnavailableException("the report directory " + root + " does not exist");
        }
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(Files::isRegularFile).map(this::listing).toList();
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new ReportSourceUnavailableException("cannot list the report directory " + root + ": " + e.getMessage(), e);
        }
    }

    @Override
    public ReportFile fetch(ReportListing file) {
        Path path = root.resolve(file.path().replaceFirst("^/+", "")).normalize();
        if (!path.startsWith(root)) {
            throw new ReportSourceUnavailableException(file.path() + " is not in the report directory " + root);
        }
        try {
            return new ReportFile(file.fileName(), Files.readAllBytes(path));
        } catch (IOException e) {
            throw new ReportSourceUnavailableException("cannot read the report file " + path + ": " + e.getMessage(), e);
        }
    }

    private ReportListing listing(Path path) {
        try {
            String relative = "/" + root.relativize(path).toString().replace('\\', '/');
            return new ReportListing(relative, Files.size(path), Files.getLastModifiedTime(path).toInstant());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
