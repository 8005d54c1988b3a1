package org.payengine.simulator;

import com.alipay.global.api.AlipayClient;
import com.alipay.global.api.DefaultAlipayClient;
import com.alipay.global.api.request.ams.pay.AlipayPayQueryRequest;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.payengine.simulator.crypto.SimulatorKeys;

/**
 * Throughput of the simulator under the official SDK: N threads (default 8) each run
 * {@code pay} then {@code inquiryPayment} through a stock {@code DefaultAlipayClient} over TLS,
 * for a warm-up and then a measured period; prints requests per second and p50/p99 latency next
 * to this machine's RSA-2048 signing rate on all cores, measured in the same run.
 *
 * <p>Each request costs one RSA signature on each side, so on one machine the ceiling is about
 * half the signing rate. Not a test: run it on a quiet machine (see the module README).
 */
public final class SimulatorThroughput {

    private SimulatorThroughput() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = intArg(args, "--seconds", 20);
        int warmup = intArg(args, "--warmup", 5);
        int threads = intArg(args, "--threads", 8);
        int cores = Runtime.getRuntime().availableProcessors();
        // HttpsURLConnection keeps at most 5 idle connections per host by default; with more client
        // threads than that, the rest would pay a TLS handshake per request and measure the JDK client.
        System.setProperty("http.maxConnections", Integer.toString(Math.max(5, threads * 2)));

        Sdk.init();

        // measured before and after the run and averaged, so a machine whose load changes shows it
        double signingBefore = signingRate(cores, Math.max(3, seconds / 4));
        Result result;
        try (AntomSimulator antom = AntomSimulator.builder().tls(true).build().start()) {
            result = drive(antom, threads, warmup, seconds);
        }
        double signingAfter = signingRate(cores, Math.max(3, seconds / 4));
        double signingRate = (signingBefore + signingAfter) / 2;
        System.out.printf("RSA-2048 SHA256withRSA signing on %d cores: %.0f signatures/s (%.0f before, %.0f after the run)%n",
                cores, signingRate, signingBefore, signingAfter);
        double ceiling = signingRate / 2;
        System.out.printf("pay + inquiryPayment through the SDK over TLS, %d threads, %d s measured:%n", threads, seconds);
        System.out.printf("  %.0f requests/s (%d requests, %d errors)%n", result.perSecond, result.requests, result.errors);
        System.out.printf("  latency p50 %.2f ms, p99 %.2f ms, max %.2f ms%n", result.p50Millis, result.p99Millis,
                result.maxMillis);
        System.out.printf("  ceiling (half the signing rate) %.0f requests/s: %.0f %% of it (target 70 %%)%n",
                ceiling, 100 * result.perSecond / ceiling);
    }

    private record Result(double perSecond, long requests, long errors, double p50Millis, double p99Millis, double maxMillis) {
    }

    private static Result drive(AntomSimulator antom, int threads, int warmupSeconds, int seconds) throws InterruptedException {
        AtomicBoolean measuring = new AtomicBoolean(false);
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong requests = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        List<long[]> latencies = new ArrayList<>();
        List<int[]> counts = new ArrayList<>();
        CountDownLatch done = new CountDownLatch(threads);
        for (int t = 0; t < threads; t++) {
            long[] samples = new long[Math.max(10_000, seconds * 5_000 / threads)];
            int[] count = new int[1];
            latencies.add(samples);
            counts.add(count);
            int thread = t;
            Thread worker = new Thread(() -> {
                AlipayClient client = new DefaultAlipayClient(antom.baseUrl(), antom.merchantPrivateKey(),
                        antom.antomPublicKey(), antom.clientId());
                long sequence = 0;
                while (running.get()) {
                    String id = "bench-" + thread + "-" + sequence++;
                    for (int step = 0; step < 2; step++) {
                        long start = System.nanoTime();
                        boolean ok;
                        try {
                            ok = step == 0 ? "PAYMENT_IN_PROCESS".equals(client.execute(Sdk.pay(id, "4200", true)).getResult().getResultCode())
                                    : client.execute(inquiry(id)).getPaymentStatus() != null;
                        } catch (Exception e) {
                            ok = false;
                        }
                        long elapsed = System.nanoTime() - start;
                        if (measuring.get()) {
                            requests.incrementAndGet();
                            if (!ok) {
                                errors.incrementAndGet();
                            }
                            if (count[0] < samples.length) {
                                samples[count[0]++] = elapsed;
                            }
                        }
                    }
                }
                done.countDown();
            }, "bench-client-" + t);
            worker.setDaemon(true);
            worker.start();
        }
        long elapsed = measure(measuring, warmupSeconds, seconds);
        running.set(false);
        done.await();

        int total = counts.stream().mapToInt(c -> c[0]).sum();
        long[] all = new long[total];
        int offset = 0;
        for (int i = 0; i < latencies.size(); i++) {
            System.arraycopy(latencies.get(i), 0, all, offset, counts.get(i)[0]);
            offset += counts.get(i)[0];
        }
        Arrays.sort(all);
        double p50 = all.length == 0 ? 0 : all[(int) (all.length * 0.50)] / 1e6;
        double p99 = all.length == 0 ? 0 : all[Math.min(all.length - 1, (int) (all.length * 0.99))] / 1e6;
        double max = all.length == 0 ? 0 : all[all.length - 1] / 1e6;
        return new Result(requests.get() / (elapsed / 1e9), requests.get(), errors.get(), p50, p99, max);
    }

    /** Signatures per second over all cores, each thread signing a request-sized string. */
    static double signingRate(int threads, int seconds) throws InterruptedException {
        KeyPair pair = SimulatorKeys.newRsaKeyPair();
        byte[] content = ("POST /ams/sandbox/api/v1/payments/pay\nSANDBOX_CLIENT.1700000000000." + "x".repeat(700))
                .getBytes(StandardCharsets.UTF_8);
        AtomicLong signatures = new AtomicLong();
        AtomicBoolean measuring = new AtomicBoolean(false);
        AtomicBoolean running = new AtomicBoolean(true);
        CountDownLatch done = new CountDownLatch(threads);
        for (int t = 0; t < threads; t++) {
            Thread signer = new Thread(() -> {
                try {
                    Signature signature = Signature.getInstance("SHA256withRSA");
                    while (running.get()) {
                        signature.initSign(pair.getPrivate());
                        signature.update(content);
                        signature.sign();
                        if (measuring.get()) {
                            signatures.incrementAndGet();
                        }
                    }
                } catch (java.security.GeneralSecurityException e) {
                    throw new IllegalStateException(e);
                } finally {
                    done.countDown();
                }
            });
            signer.setDaemon(true);
            signer.start();
        }
        long elapsed = measure(measuring, 1, seconds);
        running.set(false);
        done.await();
        return signatures.get() / (elapsed / 1e9);
    }

    /** Lets the workers warm up, then opens the measuring window; returns its length in nanoseconds. */
    private static long measure(AtomicBoolean measuring, int warmupSeconds, int seconds) throws InterruptedException {
        Thread.sleep(warmupSeconds * 1000L);
        measuring.set(true);
        long start = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        measuring.set(false);
        return System.nanoTime() - start;
    }

    private static AlipayPayQueryRequest inquiry(String id) {
        AlipayPayQueryRequest request = new AlipayPayQueryRequest();
        request.setPaymentRequestId(id);
        return request;
    }

    private static int intArg(String[] args, String name, int fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }
}
