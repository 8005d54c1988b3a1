package org.payengine.adapters.antom;

import com.alibaba.fastjson.JSONObject;
import java.time.YearMonth;
import java.util.function.Function;
import org.payengine.domain.InvalidValueException;
import org.payengine.domain.card.CardFacts;
import org.payengine.domain.card.CardToken;
import org.payengine.domain.card.MaskedCardNumber;
import org.payengine.domain.card.ThreeDSResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads what Antom says about the card — {@code paymentResultInfo} (pay response, notification,
 * inquiry) and {@code cardInfo} (inquiry) — into {@link CardFacts}. Read from the JSON rather than
 * the SDK's models because 2.0.45's models lack fields Antom sends ({@code expiryMonth},
 * {@code expiryYear}) and the hosted-mode guide spells {@code cavv} as {@code caav}.
 *
 * <p>A part Antom sends malformed is dropped on its own (and logged by name, never by value), so
 * that a bad brand never makes a payment's success unreadable. A "masked" number that is in fact
 * a full card number is dropped: the engine never keeps card numbers.
 */
final class CardFactsReader {

    private static final Logger LOG = LoggerFactory.getLogger(CardFactsReader.class);

    private CardFactsReader() {
    }

    /** Card facts from {@code paymentResultInfo}, completed from {@code cardInfo}; either may be null. */
    static CardFacts read(JSONObject paymentResultInfo, JSONObject cardInfo) {
        return one(paymentResultInfo).filledFrom(one(cardInfo));
    }

    private static CardFacts one(JSONObject info) {
        if (info == null) {
            return CardFacts.NONE;
        }
        CardFacts facts = CardFacts.NONE;
        facts = part(facts, "cardBrand", info.getString("cardBrand"),
                v -> new CardFacts(v, null, null, null, null, null, null, null, null, null));
        facts = part(facts, "cardNo", info.getString("cardNo"), CardFactsReader::masked);
        facts = part(facts, "cardToken", info.getString("cardToken"),
                v -> new CardFacts(null, null, CardToken.of(v), null, null, null, null, null, null, null));
        facts = part(facts, "funding", info.getString("funding"),
                v -> new CardFacts(null, null, null, v, null, null, null, null, null, null));
        facts = part(facts, "issuingCountry", info.getString("issuingCountry"),
                v -> new CardFacts(null, null, null, null, v, null, null, null, null, null));
        facts = part(facts, "expiryMonth", expiry(info),
                v -> new CardFacts(null, null, null, null, null, YearMonth.parse(v), null, null, null, null));
        facts = part(facts, "avsResultRaw", info.getString("avsResultRaw"),
                v -> new CardFacts(null, null, null, null, null, null, v, null, null, null));
        facts = part(facts, "cvvResultRaw", info.getString("cvvResultRaw"),
                v -> new CardFacts(null, null, null, null, null, null, null, v, null, null));
        facts = part(facts, "networkTransactionId", info.getString("networkTransactionId"),
                v -> new CardFacts(null, null, null, null, null, null, null, null, null, v));
        JSONObject threeDS = AntomJson.objectOrNull(info, "threeDSResult");
        if (threeDS != null) {
            facts = part(facts, "threeDSResult", threeDS, CardFactsReader::threeDS);
        }
        return facts;
    }

    private static CardFacts masked(String cardNo) {
        if (MaskedCardNumber.looksLikeFullCardNumber(cardNo)) {
            throw new InvalidValueException("cardNo", "is not masked: a full card number is never kept");
        }
        return new CardFacts(null, MaskedCardNumber.of(cardNo), null, null, null, null, null, null, null, null);
    }

    private static CardFacts threeDS(JSONObject threeDS) {
        String cavv = threeDS.getString("cavv");
        if (cavv == null) {
            cavv = threeDS.getString("caav"); // the spelling of Antom's hosted-mode guide samples
        }
        ThreeDSResult result = new ThreeDSResult(threeDS.getString("threeDSVersion"), threeDS.getString("eci"),
                cavv, threeDS.getString("dsTransactionId"));
        return new CardFacts(null, null, null, null, null, null, null, null, result, null);
    }

    /** {@code expiryYear} (2 or 4 digits) and {@code expiryMonth}, as newer Antom answers carry them. */
    private static String expiry(JSONObject info) {
        String month = info.getString("expiryMonth");
        String year = info.getString("expiryYear");
        if (month == null || year == null) {
            return null;
        }
        String fullYear = year.length() == 2 ? "20" + year : year;
        return fullYear + "-" + (month.length() == 1 ? "0" + month : month);
    }

    private static <T> CardFacts part(CardFacts facts, String field, T value, Function<T, CardFacts> read) {
        if (value == null) {
            return facts;
        }
        try {
            return facts.filledFrom(read.apply(value));
        } catch (RuntimeException e) {
            LOG.warn("Antom sent a card fact that cannot be kept, dropped: {} ({})", field,
                    e instanceof InvalidValueException ? ((InvalidValueException) e).reason() : e.getClass().getSimpleName());
            return facts;
        }
    }
}
