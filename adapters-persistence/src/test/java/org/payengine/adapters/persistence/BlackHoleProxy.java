package org.payengine.adapters.persistence;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A TCP proxy on a loopback port in front of a database, which can be made to black-hole the connections: while it
 * does, it accepts connections and reads what is sent but forwards nothing either way, as a network partition or a
 * dead host does — no error, no reset, just silence. {@link #heal()} ends the partition for new connections; the ones
 * that went silent stay silent, as they would.
 */
public final class BlackHoleProxy implements AutoCloseable {

    private static final Pattern POSTGRESQL_URL = Pattern.compile("^jdbc:postgresql://([^:/?]+)(?::(\\d+))?(/.*)$");

    private final InetSocketAddress target;
    private final String rest;
    private final ServerSocket listener;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile boolean blackHoled;
    /** Bumped at each partition: a pair of sockets forwards only while the generation it started in lasts. */
    private volatile int generation;

    private BlackHoleProxy(String targetHost, int targetPort, String rest) {
        this.target = new InetSocketAddress(targetHost, targetPort);
        this.rest = rest;
        try {
            this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread acceptor = new Thread(this::accept, "black-hole-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** A proxy in front of the PostgreSQL server of {@code jdbcUrl} ({@code jdbc:postgresql://host[:port]/…}). */
    public static BlackHoleProxy inFrontOf(String jdbcUrl) {
        Matcher url = POSTGRESQL_URL.matcher(jdbcUrl);
        if (!url.matches()) {
            throw new IllegalArgumentException("not a jdbc:postgresql://host[:port]/… URL");
        }
        return new BlackHoleProxy(url.group(1), url.group(2) == null ? 5432 : Integer.parseInt(url.group(2)),
                url.group(3));
    }

    /** The database's URL through this proxy. */
    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + listener.getLocalPort() + rest;
    }

    /** From now on nothing passes, on the connections open and on new ones. */
    public void blackHole() {
        generation++;
        blackHoled = true;
    }

    /** New connections pass again. */
    public void heal() {
        blackHoled = false;
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                sockets.add(client);
                int startedIn = generation;
                if (blackHoled) {
                    drain(client.getInputStream());
                    continue;
                }
                Socket server = new Socket();
                sockets.add(server);
                server.connect(target, 5_000);
                pump(client.getInputStream(), server.getOutputStream(), startedIn);
                pump(server.getInputStream(), client.getOutputStream(), startedIn);
            } catch (IOException e) {
                // the listener was closed, or the database refused: the client sees its connection end
            }
        }
    }

    /** Copies bytes until the partition of another generation begins; after it, reads and drops them. */
    private void pump(InputStream from, OutputStream to, int startedIn) {
        Thread pump = new Thread(() -> {
            byte[] buffer = new byte[8192];
            try {
                for (int read = from.read(buffer); read != -1; read = from.read(buffer)) {
                    if (generation == startedIn) {
                        to.write(buffer, 0, read);
                        to.flush();
                    }
                }
            } catch (IOException closed) {
                // one side went away
            }
        }, "black-hole-proxy-pump");
        pump.setDaemon(true);
        pump.start();
    }

    private void drain(InputStream from) {
        pump(from, OutputStream.nullOutputStream(), -1);
    }

    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        for (Socket socket : sockets) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }
}
