package org.payengine.simulator.payments;

import java.util.List;

/** The Korean card companies the hosted page offers for issuer authentication ({@code selectedCardBrand}). */
public final class KoreanCardBrands {

    public static final List<String> ALL = List.of("HYUNDAI", "SAMSUNG", "SHINHAN", "KB", "LOTTE", "BC", "HANA",
            "NH", "WOORI", "CITI");

    private KoreanCardBrands() {
    }

    static CardDetails issuerAuthenticated(String brand) {
        return new CardDetails("949022******" + String.format("%04d", Math.abs(brand.hashCode()) % 10_000),
                brand, "KR", "CREDIT", "KR", CardBehaviour.APPROVE, ThreeDSBehaviour.AS_REQUESTED, null, null, null);
    }
}
