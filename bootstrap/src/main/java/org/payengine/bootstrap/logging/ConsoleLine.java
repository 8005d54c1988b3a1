package org.payengine.bootstrap.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.LayoutBase;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * One console line per event, {@code 21:52:42.444 INFO  [main] o.p.b.Demo - message}, then the stack trace if any:
 * what the pattern {@code %d{HH:mm:ss.SSS} %-5level [%thread] %logger{1} - %msg%n} gives, written directly.
 */
final class ConsoleLine extends LayoutBase<ILoggingEvent> {

    private final ZoneId zone = ZoneId.systemDefault();

    @Override
    public String doLayout(ILoggingEvent event) {
        StringBuilder line = new StringBuilder(128);
        appendTime(line, LocalTime.ofInstant(Instant.ofEpochMilli(event.getTimeStamp()), zone));
        String level = event.getLevel().toString();
        line.append(' ').append(level);
        line.append(" ".repeat(Math.max(0, 5 - level.length())));
        line.append(" [").append(event.getThreadName()).append("] ");
        appendAbbreviated(line, event.getLoggerName());
        line.append(" - ").append(event.getFormattedMessage()).append(CoreConstants.LINE_SEPARATOR);
        IThrowableProxy failure = event.getThrowableProxy();
        if (failure != null) {
            line.append(ThrowableProxyUtil.asString(failure)).append(CoreConstants.LINE_SEPARATOR);
        }
        return line.toString();
    }

    private static void appendTime(StringBuilder line, LocalTime time) {
        twoDigits(line, time.getHour()).append(':');
        twoDigits(line, time.getMinute()).append(':');
        twoDigits(line, time.getSecond()).append('.');
        int millis = time.getNano() / 1_000_000;
        line.append((char) ('0' + millis / 100)).append((char) ('0' + millis / 10 % 10)).append((char) ('0' + millis % 10));
    }

    private static StringBuilder twoDigits(StringBuilder line, int value) {
        return line.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }

    /** {@code org.payengine.bootstrap.Demo} → {@code o.p.b.Demo}: each package by its first letter. */
    static void appendAbbreviated(StringBuilder line, String loggerName) {
        int start = 0;
        for (int dot = loggerName.indexOf('.'); dot >= 0; dot = loggerName.indexOf('.', start)) {
            if (dot > start) {
                line.append(loggerName.charAt(start)).append('.');
            }
            start = dot + 1;
        }
        line.append(loggerName, start, loggerName.length());
    }
}
