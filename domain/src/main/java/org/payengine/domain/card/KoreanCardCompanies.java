package org.payengine.domain.card;

import java.util.List;

/**
 * The Korean card companies a buyer picks for a payment that the card's issuer authenticates, by Antom's codes
 * ({@code selectedCardBrand}): the Korean members of the card brand enumeration of Antom's API (the {@code CardBrand}
 * model of Antom's Java SDK, newest source). Antom has no codes such as {@code KB}, {@code HANA} or {@code NH}: they
 * are {@code KOOKMIN}, {@code KEBHANA} and {@code NONGHYUP}.
 */
public final class KoreanCardCompanies {

    /** Every code, in the order of the SDK's enumeration. */
    public static final List<String> CODES = List.of("BC", "CITI", "GWANGJUBANK", "HYUNDAI", "IBK_BC", "JEJUBANK",
            "JEONBUKBANK", "KAKAOBANK", "KBANK", "KDBBANK", "KEBHANA", "KOOKMIN", "LOTTE", "NONGHYUP", "POST", "SAEMAUL",
            "SAMSUNG", "SAVINGBANK", "SHINHAN", "SHINHYEOP", "SUHYEOP", "TOSSBANK", "WOORI");

    private KoreanCardCompanies() {
    }

    public static boolean isOne(String code) {
        return CODES.contains(code);
    }
}
