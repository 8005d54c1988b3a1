package org.payengine.simulator.payments;

import java.util.List;

/**
 * The Korean card companies the hosted page offers for issuer authentication ({@code selectedCardBrand}), by Antom's
 * codes: the Korean members of the {@code CardBrand} enumeration of Antom's Java SDK (newest source). Antom has no
 * {@code KB}, {@code HANA} or {@code NH}: those companies are {@code KOOKMIN}, {@code KEBHANA} and {@code NONGHYUP}.
 */
public final class KoreanCardBrands {

    public static final List<String> ALL = List.of("BC", "CITI", "GWANGJUBANK", "HYUNDAI", "IBK_BC", "JEJUBANK",
            "JEONBUKBANK", "KAKAOBANK", "KBANK", "KDBBANK", "KEBHANA", "KOOKMIN", "LOTTE", "NONGHYUP", "POST", "SAEMAUL",
            "SAMSUNG", "SAVINGBANK", "SHINHAN", "SHINHYEOP", "SUHYEOP", "TOSSBANK", "WOORI");

    private KoreanCardBrands() {
    }

    static CardDetails issuerAuthenticated(String brand) {
        return new CardDetails("949022******" + String.format("%04d", Math.abs(brand.hashCode()) % 10_000),
                brand, "KR", "CREDIT", "KR", CardBehaviour.APPROVE, ThreeDSBehaviour.AS_REQUESTED, null, null, null);
    }
}
