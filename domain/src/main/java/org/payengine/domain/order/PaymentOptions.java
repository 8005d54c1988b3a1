package org.payengine.domain.order;

import java.time.Duration;
import java.util.Currency;
import java.util.Objects;
import org.payengine.domain.InvalidValueException;
import org.payengine.domain.MerchantText;
import org.payengine.domain.Text;
import org.payengine.domain.card.CardToken;
import org.payengine.domain.card.KoreanCardCompanies;

/**
 * How the merchant wants one payment attempt made on Antom's hosted card page. The attempt keeps these
 * options, so the very same pay request can be sent again under the same payment request id.
 *
 * <p>The {@link Builder}, through which every new attempt's options are made, also refuses what Antom refuses
 * for a card payment: a custom expiry of {@link #CARD_EXPIRY_LIMIT} or more, and a Korean card company Antom has
 * no code for. The constructor checks only what every stored attempt satisfies, so attempts made before a limit
 * was known stay readable.
 *
 * @param captureMode                 automatic (default) or manual capture
 * @param threeDS                     {@code true} forces 3-D Secure, {@code false} asks for none, {@code null} lets Antom decide
 * @param expiresIn                   how long Antom accepts the buyer; {@code null} for Antom's default of 14 minutes;
 *                                    less than {@link #CARD_EXPIRY_LIMIT} when set
 * @param redirectUrl                 where the buyer returns after the hosted page (Antom's {@code paymentRedirectUrl})
 * @param notifyUrl                   overrides the engine's notification URL; {@code null} for the engine's
 * @param environment                 the buyer's device and network
 * @param saveCard                    offer to save (tokenize) the card on the hosted page
 * @param cardToken                   pay with this saved card instead of asking for one
 * @param merchantInitiated           a payment the merchant starts without the buyer present (needs {@code cardToken})
 * @param networkTransactionId        the first payment's network transaction id, for merchant-initiated payments
 * @param selectedCardBrand           the card brand (or Korean card company, one of {@link KoreanCardCompanies#CODES}
 *                                    with issuer authentication) the buyer picked, by Antom's code
 * @param requireIssuerAuthentication Korean cards: authenticate at the issuer; automatic capture only
 * @param installments                number of installments, {@code null} for none
 * @param billingAddress              billing address, for address verification (AVS)
 * @param cardholderName              the name on the card, for AVS
 * @param settlementCurrency          the currency the merchant is settled in, when the contract has several
 */
public record PaymentOptions(CaptureMode captureMode, Boolean threeDS, Duration expiresIn, String redirectUrl,
                             String notifyUrl, TerminalEnvironment environment, boolean saveCard, CardToken cardToken,
                             boolean merchantInitiated, String networkTransactionId, String selectedCardBrand,
                             boolean requireIssuerAuthentication, Integer installments, Address billingAddress,
                             PersonName cardholderName, Currency settlementCurrency) {

    /** Antom stops accepting the buyer this long after the pay call unless asked otherwise. */
    public static final Duration DEFAULT_EXPIRY = Duration.ofMinutes(14);
    /** The longest payment expiry Antom documents for any method (bank transfers); what a stored attempt may carry. */
    public static final Duration MAX_EXPIRY = Duration.ofHours(48);
    /**
     * A card payment's custom expiry must be less than this after the pay request: the pay API reference says so for
     * every method but bank transfers ({@code paymentExpiryTime} in the newest model of Antom's Java SDK,
     * {@code AlipayPayRequest}). Antom's own default for cards, 14 minutes, is longer: leave the expiry out for it.
     */
    public static final Duration CARD_EXPIRY_LIMIT = Duration.ofMinutes(10);

    public PaymentOptions {
        captureMode = captureMode == null ? CaptureMode.AUTOMATIC : captureMode;
        if (expiresIn != null && (expiresIn.isNegative() || expiresIn.isZero() || expiresIn.compareTo(MAX_EXPIRY) > 0)) {
            throw new InvalidValueException("expiresIn", "must be positive and at most " + MAX_EXPIRY.toHours()
                    + " hours, was " + expiresIn.getSeconds() + " seconds");
        }
        redirectUrl = MerchantText.required("redirectUrl", redirectUrl, 2048);
        notifyUrl = MerchantText.optional("notifyUrl", notifyUrl, 2048);
        Objects.requireNonNull(environment, "environment");
        networkTransactionId = Text.optional("networkTransactionId", networkTransactionId, 256);
        selectedCardBrand = MerchantText.optional("selectedCardBrand", selectedCardBrand, 32);
        if (saveCard && cardToken != null) {
            throw new InvalidValueException("saveCard", "cannot be combined with a card token: that card is saved already");
        }
        if (merchantInitiated && cardToken == null) {
            throw new InvalidValueException("cardToken", "is required for a merchant-initiated payment");
        }
        if (installments != null && (installments < 2 || installments > 60)) {
            throw new InvalidValueException("installments", "must be between 2 and 60, was " + installments);
        }
    }

    /** Options for a buyer paying on the hosted page with automatic capture and Antom's defaults. */
    public static Builder hostedCard(String redirectUrl, TerminalEnvironment environment) {
        return new Builder(redirectUrl, environment);
    }

    /** How long Antom accepts the buyer for this attempt. */
    public Duration effectiveExpiry() {
        return expiresIn != null ? expiresIn : DEFAULT_EXPIRY;
    }

    /** Builds {@link PaymentOptions} step by step; unset options keep Antom's defaults. */
    public static final class Builder {
        private final String redirectUrl;
        private final TerminalEnvironment environment;
        private CaptureMode captureMode = CaptureMode.AUTOMATIC;
        private Boolean threeDS;
        private Duration expiresIn;
        private String notifyUrl;
        private boolean saveCard;
        private CardToken cardToken;
        private boolean merchantInitiated;
        private String networkTransactionId;
        private String selectedCardBrand;
        private boolean requireIssuerAuthentication;
        private Integer installments;
        private Address billingAddress;
        private PersonName cardholderName;
        private Currency settlementCurrency;

        private Builder(String redirectUrl, TerminalEnvironment environment) {
            this.redirectUrl = redirectUrl;
            this.environment = environment;
        }

        public Builder captureMode(CaptureMode mode) {
            this.captureMode = mode;
            return this;
        }

        public Builder threeDS(Boolean threeDS) {
            this.threeDS = threeDS;
            return this;
        }

        public Builder expiresIn(Duration expiresIn) {
            this.expiresIn = expiresIn;
            return this;
        }

        public Builder notifyUrl(String notifyUrl) {
            this.notifyUrl = notifyUrl;
            return this;
        }

        public Builder saveCard(boolean saveCard) {
            this.saveCard = saveCard;
            return this;
        }

        public Builder storedCard(CardToken token) {
            this.cardToken = token;
            return this;
        }

        public Builder merchantInitiated(CardToken token, String networkTransactionId) {
            this.merchantInitiated = true;
            this.cardToken = token;
            this.networkTransactionId = networkTransactionId;
            return this;
        }

        public Builder selectedCardBrand(String brand) {
            this.selectedCardBrand = brand;
            return this;
        }

        public Builder requireIssuerAuthentication(boolean required) {
            this.requireIssuerAuthentication = required;
            return this;
        }

        public Builder installments(Integer installments) {
            this.installments = installments;
            return this;
        }

        public Builder billing(Address address, PersonName cardholderName) {
            this.billingAddress = address;
            this.cardholderName = cardholderName;
            return this;
        }

        public Builder settlementCurrency(Currency currency) {
            this.settlementCurrency = currency;
            return this;
        }

        /** @throws InvalidValueException naming the option Antom would refuse for a card payment */
        public PaymentOptions build() {
            if (expiresIn != null && expiresIn.compareTo(CARD_EXPIRY_LIMIT) >= 0) {
                throw new InvalidValueException("expiresIn", "must be less than " + CARD_EXPIRY_LIMIT.toMinutes()
                        + " minutes: Antom refuses a card payment whose custom expiry is " + CARD_EXPIRY_LIMIT.toMinutes()
                        + " minutes or more after the pay request (leave it out for Antom's default of "
                        + DEFAULT_EXPIRY.toMinutes() + " minutes), was " + expiresIn.getSeconds() + " seconds");
            }
            if (requireIssuerAuthentication && selectedCardBrand != null
                    && !KoreanCardCompanies.isOne(selectedCardBrand.strip())) {
                throw new InvalidValueException("selectedCardBrand", "must be one of Antom's Korean card companies "
                        + KoreanCardCompanies.CODES + " when the issuer authenticates the payment, was "
                        + selectedCardBrand.strip());
            }
            return new PaymentOptions(captureMode, threeDS, expiresIn, redirectUrl, notifyUrl, environment, saveCard,
                    cardToken, merchantInitiated, networkTransactionId, selectedCardBrand, requireIssuerAuthentication,
                    installments, billingAddress, cardholderName, settlementCurrency);
        }
    }
}
