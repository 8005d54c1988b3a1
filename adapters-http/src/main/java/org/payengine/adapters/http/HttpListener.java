package org.payengine.adapters.http;

import io.undertow.UndertowOptions;
import io.undertow.connector.ByteBufferPool;
import io.undertow.server.DefaultByteBufferPool;
import io.undertow.server.HttpHandler;
import io.undertow.server.protocol.http.HttpOpenListener;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import org.xnio.ChannelListener;
import org.xnio.ChannelListeners;
import org.xnio.IoUtils;
import org.xnio.OptionMap;
import org.xnio.Options;
import org.xnio.StreamConnection;
import org.xnio.Xnio;
import org.xnio.XnioWorker;
import org.xnio.channels.AcceptingChannel;

/**
 * The engine's HTTP/1.1 listener, made on XNIO with the options Undertow's builder uses, with one difference: every
 * connection's output passes through {@link MalformedRequestAnswer}, so that a request Undertow cannot parse (a broken
 * request line, a malformed header) is answered with the error body every other refusal has, where Undertow itself
 * writes a fixed, empty 400 before closing — a hook Undertow's builder does not offer.
 */
final class HttpListener {

    private final XnioWorker worker;
    private final ByteBufferPool buffers;
    private final AcceptingChannel<StreamConnection> channel;

    private HttpListener(XnioWorker worker, ByteBufferPool buffers, AcceptingChannel<StreamConnection> channel) {
        this.worker = worker;
        this.buffers = buffers;
        this.channel = channel;
    }

    /**
     * Binds and starts serving.
     *
     * @param workerThreads threads for blocking work; 0 for Undertow's default (8 per I/O thread)
     * @param serverOptions Undertow's options ({@link UndertowOptions})
     * @throws IOException when the address cannot be bound
     */
    static HttpListener open(String host, int port, int workerThreads, OptionMap serverOptions, HttpHandler root)
            throws IOException {
        int ioThreads = Math.max(Runtime.getRuntime().availableProcessors(), 2);
        int blockingThreads = workerThreads > 0 ? workerThreads : ioThreads * 8;
        XnioWorker worker = Xnio.getInstance(HttpOpenListener.class.getClassLoader()).createWorker(OptionMap.builder()
                .set(Options.WORKER_IO_THREADS, ioThreads)
                .set(Options.CONNECTION_HIGH_WATER, 1_000_000)
                .set(Options.CONNECTION_LOW_WATER, 1_000_000)
                .set(Options.WORKER_TASK_CORE_THREADS, blockingThreads)
                .set(Options.WORKER_TASK_MAX_THREADS, blockingThreads)
                .set(Options.TCP_NODELAY, true)
                .set(Options.CORK, true)
                .getMap());
        ByteBufferPool buffers = new DefaultByteBufferPool(true, 16 * 1024 - 20, -1, 4);
        try {
            HttpOpenListener http = new HttpOpenListener(buffers, OptionMap.builder()
                    .set(UndertowOptions.NO_REQUEST_TIMEOUT, 60_000)
                    .addAll(serverOptions)
                    .getMap());
            http.setRootHandler(root);
            ChannelListener<StreamConnection> answeringMalformedRequests = connection -> {
                connection.getSinkChannel().setConduit(
                        new MalformedRequestAnswer(connection.getSinkChannel().getConduit()));
                http.handleEvent(connection);
            };
            AcceptingChannel<StreamConnection> channel = worker.createStreamConnectionServer(
                    new InetSocketAddress(InetAddress.getByName(host), port),
                    ChannelListeners.openListenerAdapter(answeringMalformedRequests),
                    OptionMap.builder()
                            .set(Options.WORKER_IO_THREADS, ioThreads)
                            .set(Options.TCP_NODELAY, true)
                            .set(Options.REUSE_ADDRESSES, true)
                            .set(Options.BALANCING_TOKENS, 1)
                            .set(Options.BALANCING_CONNECTIONS, 2)
                            .set(Options.BACKLOG, 1000)
                            .getMap());
            channel.resumeAccepts();
            return new HttpListener(worker, buffers, channel);
        } catch (IOException | RuntimeException e) {
            worker.shutdownNow();
            buffers.close();
            throw e;
        }
    }

    /** The port bound: the one asked for, or the free one picked for 0. */
    int port() {
        return channel.getLocalAddress(InetSocketAddress.class).getPort();
    }

    /** Stops accepting, then stops the threads, waiting a little for those still busy. */
    void close() {
        IoUtils.safeClose(channel);
        worker.shutdown();
        try {
            if (!worker.awaitTermination(5, TimeUnit.SECONDS)) {
                worker.shutdownNow();
            }
        } catch (InterruptedException e) {
            worker.shutdownNow();
            Thread.currentThread().interrupt();
        }
        buffers.close();
    }
}
