package org.payengine.adapters.antom.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.payengine.application.port.ReportListing;
import org.payengine.application.port.ReportSourceUnavailableException;
import org.payengine.simulator.AntomSimulator;
import org.payengine.simulator.reports.ReportsSftpServer;

/** The report files of Antom's SFTP server (the simulator's, over a real SFTP connection) and of a directory. */
class ReportSourcesTest {

    private static final String MERCHANT = "2188120000000001";
    private AntomSimulator antom;

    @BeforeEach
    void start() {
        antom = AntomSimulator.builder().startTime(Instant.parse("2026-01-05T02:00:00Z")).merchantId(MERCHANT)
                .sftpPort(0).build().start();
        antom.advanceClock(Duration.ofDays(1));
    }

    @AfterEach
    void stop() {
        antom.stop();
    }

    @Test
    void the_sftp_source_lists_and_reads_antoms_files_only_from_the_server_with_the_pinned_host_key() {
        ReportsSftpServer server = antom.sftp().orElseThrow();
        // no payment yet: no day to publish; write one through the simulator's reports of an empty day
        SftpReportSource source = new SftpReportSource(settings(server, server.password(), server.hostKeyFingerprint()));

        assertThrows(ReportSourceUnavailableException.class, source::list,
                "the merchant's directory does not exist before the first report");

        ReportSourceUnavailableException otherKey = assertThrows(ReportSourceUnavailableException.class,
                () -> new SftpReportSource(settings(server, server.password(),
                        "SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")).list());
        assertTrue(otherKey.getMessage().contains("sftp://127.0.0.1:" + server.port()), otherKey.getMessage());
        assertThrows(ReportSourceUnavailableException.class,
                () -> new SftpReportSource(settings(server, "wrong-password", server.hostKeyFingerprint())).list());
        assertTrue(!settings(server, server.password(), server.hostKeyFingerprint()).toString()
                .contains(server.password()), "the password is never shown");
    }

    @Test
    void a_directory_source_lists_every_file_at_any_depth_and_reads_it_without_changing_it(@TempDir Path root)
            throws Exception {
        Path day = Files.createDirectories(root.resolve("20260105"));
        Files.writeString(day.resolve("transactionItems_20260105_000.csv"), "customerId\n<END>\n");
        Files.writeString(root.resolve("settlementItems_SGD_1_000.csv"), "x\n<END>\n");
        DirectoryReportSource source = new DirectoryReportSource(root);

        List<ReportListing> listed = source.list().stream()
                .sorted(java.util.Comparator.comparing(ReportListing::path)).toList();

        assertEquals(List.of("/20260105/transactionItems_20260105_000.csv", "/settlementItems_SGD_1_000.csv"),
                listed.stream().map(ReportListing::path).toList());
        assertEquals("customerId\n<END>\n", new String(source.fetch(listed.get(0)).content(), StandardCharsets.UTF_8));
        assertEquals("transactionItems_20260105_000.csv", source.fetch(listed.get(0)).name());
        assertTrue(Files.exists(day.resolve("transactionItems_20260105_000.csv")));
        assertThrows(ReportSourceUnavailableException.class,
                () -> source.fetch(new ReportListing("/../outside.csv", 1, Instant.EPOCH)));
        assertThrows(ReportSourceUnavailableException.class,
                () -> new DirectoryReportSource(root.resolve("missing")).list());
    }

    private static SftpSettings settings(ReportsSftpServer server, String password, String hostKey) {
        return new SftpSettings("127.0.0.1", server.port(), server.user(), Optional.of(password), Optional.empty(),
                hostKey, ReportsSftpServer.ROOT, MERCHANT, Duration.ofSeconds(10));
    }
}
