package org.payengine.adapters.antom;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.payengine.application.port.NotificationDecoding;
import org.payengine.application.port.RawNotification;

/**
 * Notification verification + decoding throughput on one thread (so: per core), next to the raw
 * cost of the one RSA-2048 SHA256withRSA verification it contains, measured in the same run.
 * Run with the {@code bench} profile; {@code mvn verify} never runs it.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class NotificationBenchmark {

    private AntomNotificationDecoder decoder;
    private RawNotification notification;
    private byte[] signedContent;
    private byte[] signature;

    @Setup
    public void setUp() {
        decoder = AntomNotificationDecoder.create(AntomSettings.builder()
                .clientId(SignedNotifications.CLIENT_ID)
                .merchantPrivateKey(TestKeys.base64PrivateKey(TestKeys.MERCHANT))
                .antomPublicKey(TestKeys.base64PublicKey(TestKeys.ANTOM))
                .endpoint("SG")
                .build());
        String body = SignedNotifications.guideSample("notify-payment-3ds.json");
        notification = SignedNotifications.signed(body, TestKeys.base64PrivateKey(TestKeys.ANTOM));
        if (!(decoder.decode(notification) instanceof NotificationDecoding.Accepted)) {
            throw new IllegalStateException("the benchmark's notification must be accepted");
        }
        signedContent = ("POST " + SignedNotifications.PATH + "\n" + SignedNotifications.CLIENT_ID + "."
                + SignedNotifications.TIME + "." + body).getBytes(StandardCharsets.UTF_8);
        String header = notification.header("signature").orElseThrow();
        signature = Base64.getDecoder().decode(java.net.URLDecoder.decode(
                header.substring(header.indexOf("signature=") + "signature=".length()), StandardCharsets.UTF_8));
    }

    /** Everything the notification endpoint's decoder does for one genuine notification. */
    @Benchmark
    public NotificationDecoding verifyAndDecode() {
        return decoder.decode(notification);
    }

    /** One RSA-2048 SHA256withRSA verification of the same content, and nothing else. */
    @Benchmark
    public boolean rawRsa2048Verify() throws GeneralSecurityException {
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initVerify(TestKeys.ANTOM.getPublic());
        rsa.update(signedContent);
        return rsa.verify(signature);
    }
}
