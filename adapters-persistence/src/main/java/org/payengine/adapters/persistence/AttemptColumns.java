package org.payengine.adapters.persistence;

import static org.payengine.adapters.persistence.Columns.bindInstant;
import static org.payengine.adapters.persistence.Columns.storable;
import static org.payengine.adapters.persistence.Columns.textOf;

import java.time.Instant;
import org.jdbi.v3.core.statement.Update;
import org.payengine.domain.card.CardFacts;
import org.payengine.domain.card.ThreeDSResult;
import org.payengine.domain.order.Authorization;
import org.payengine.domain.order.PaymentAttempt;

/**
 * The columns of {@code payment_attempts} that change over an attempt's life, exactly as they are bound:
 * two equal images write the same row, so an attempt whose image did not change is not written again
 * (its capture and refund live in tables of their own).
 *
 * @param winnerOf the order's row id on the order's one successful attempt, else {@code null}
 */
record AttemptColumns(String paymentRequestId, boolean duplicate, Long winnerOf, String status, String paymentId,
                      String redirectUrl, String resultCode, String resultMessage, Instant authorizedAt,
                      Instant authExpiresAt, Instant captureDeadline, boolean deadlineWarningRaised,
                      Instant cancelRequestedAt, String cardBrand,
                      String cardMasked, String cardToken, String cardFunding, String cardCountry, String cardExpiry,
                      String avs, String cvv, String threeDsVersion, String threeDsEci, String threeDsCavv,
                      String threeDsTransaction, String networkTransactionId, String reviews) {

    static AttemptColumns of(PaymentAttempt attempt, Long winnerOf) {
        CardFacts card = attempt.card();
        ThreeDSResult threeDS = card.threeDS();
        Authorization authorization = attempt.authorization();
        return new AttemptColumns(
                attempt.id().value(),
                attempt.duplicate(),
                winnerOf,
                attempt.status().name(),
                textOf(attempt.paymentId()),
                attempt.redirectUrl(),
                attempt.failure() == null ? null : attempt.failure().code().value(),
                attempt.failure() == null ? null : attempt.failure().message(),
                authorization == null ? null : storable(authorization.authorizedAt()),
                authorization == null ? null : storable(authorization.authExpiresAt()),
                authorization == null ? null : storable(authorization.captureDeadline()),
                authorization != null && authorization.deadlineWarningRaised(),
                authorization == null ? null : storable(authorization.cancelRequestedAt()),
                card.brand(),
                textOf(card.maskedNumber()),
                textOf(card.token()),
                card.funding(),
                card.issuingCountry(),
                textOf(card.expiry()),
                card.avsResultRaw(),
                card.cvvResultRaw(),
                threeDS == null ? null : threeDS.version(),
                threeDS == null ? null : threeDS.eci(),
                threeDS == null ? null : threeDS.cavv(),
                threeDS == null ? null : threeDS.dsTransactionId(),
                card.networkTransactionId(),
                attempt.reviews().isEmpty() ? null : JsonDocuments.write(attempt.reviews()));
    }

    /** Binds every column to the parameter of its name ({@code :status}, {@code :cardBrand}, …). */
    Update bindTo(Update statement) {
        statement.bind("paymentRequestId", paymentRequestId)
                .bind("duplicate", duplicate)
                .bindByType("winnerOf", winnerOf, Long.class)
                .bind("status", status)
                .bind("paymentId", paymentId)
                .bind("redirectUrl", redirectUrl)
                .bind("resultCode", resultCode)
                .bind("resultMessage", resultMessage)
                .bind("deadlineWarningRaised", deadlineWarningRaised)
                .bind("cardBrand", cardBrand)
                .bind("cardMasked", cardMasked)
                .bind("cardToken", cardToken)
                .bind("cardFunding", cardFunding)
                .bind("cardCountry", cardCountry)
                .bind("cardExpiry", cardExpiry)
                .bind("avs", avs)
                .bind("cvv", cvv)
                .bind("threeDsVersion", threeDsVersion)
                .bind("threeDsEci", threeDsEci)
                .bind("threeDsCavv", threeDsCavv)
                .bind("threeDsTransaction", threeDsTransaction)
                .bind("networkTransactionId", networkTransactionId)
                .bind("reviews", reviews);
        bindInstant(statement, "authorizedAt", authorizedAt);
        bindInstant(statement, "authExpiresAt", authExpiresAt);
        bindInstant(statement, "captureDeadline", captureDeadline);
        bindInstant(statement, "cancelRequestedAt", cancelRequestedAt);
        return statement;
    }
}
