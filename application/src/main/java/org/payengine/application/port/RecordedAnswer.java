package org.payengine.application.port;

import java.util.Arrays;
import java.util.Objects;

/**
 * The answer a request got, kept so that a retry of the request is given the same one: its status code (HTTP's),
 * the location of what it created, if any, and the body's exact bytes.
 *
 * @param location {@code null} when the answer named no location
 */
public record RecordedAnswer(int status, String location, byte[] body) {

    public RecordedAnswer {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("not a status code: " + status);
        }
        body = Objects.requireNonNull(body, "body").clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RecordedAnswer answer && status == answer.status
                && Objects.equals(location, answer.location) && Arrays.equals(body, answer.body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(status, location, Arrays.hashCode(body));
    }

    @Override
    public String toString() {
        return "RecordedAnswer[" + status + (location == null ? "" : " " + location) + ", " + body.length + " bytes]";
    }
}
