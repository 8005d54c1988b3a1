package org.payengine.domain.order;

import java.util.Objects;
import org.payengine.domain.Text;
import org.payengine.domain.fact.ResultCode;

/** Antom's reason for a definite failure: its result code and message, verbatim. */
public record Failure(ResultCode code, String message) {

    public Failure {
        Objects.requireNonNull(code, "code");
        message = Text.tidied(message, 512);
    }
}
