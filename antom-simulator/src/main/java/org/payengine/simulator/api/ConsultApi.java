package org.payengine.simulator.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.payengine.simulator.payments.KoreanCardBrands;
import org.payengine.simulator.wire.AntomResult;
import org.payengine.simulator.wire.ApiFailure;
import org.payengine.simulator.wire.Json;
import org.payengine.simulator.wire.Money;
import org.payengine.simulator.wire.RequestFields;

/**
 * {@code consult}: the card payment option with its brands and their logos (served by this simulator). Requires
 * {@code productCode}, {@code paymentAmount} and {@code env} (consult (One-time Payments) API reference).
 */
final class ConsultApi implements AntomApi {

    static final List<String> GLOBAL_BRANDS = List.of("VISA", "MASTERCARD", "AMEX", "JCB", "DINERS", "DISCOVER", "CUP");

    @Override
    public ObjectNode answer(ApiCall call) {
        RequestFields f = call.fields();
        String productCode = f.requiredText("productCode", 32);
        if (!"CASHIER_PAYMENT".equals(productCode)) {
            throw ApiFailure.paramIllegal("productCode must be CASHIER_PAYMENT, was " + productCode);
        }
        Money amount = f.requiredAmount("paymentAmount");
        RequestFields env = f.requiredObject("env");
        String terminalType = env.requiredText("terminalType", 16);
        if (!PayApi.TERMINAL_TYPES.contains(terminalType)) {
            throw ApiFailure.paramIllegal("env.terminalType must be one of " + PayApi.TERMINAL_TYPES.stream().sorted().toList()
                    + ", was " + terminalType);
        }
        f.optionalText("merchantRegion", 2);
        f.optionalText("userRegion", 2);
        List<String> regions = new ArrayList<>();
        JsonNode allowed = f.raw().get("allowedPaymentMethodRegions");
        if (allowed != null && allowed.isArray()) {
            allowed.forEach(region -> regions.add(region.asText()));
        }
        boolean korea = regions.contains("KR");
        boolean global = regions.isEmpty() || regions.contains("GLOBAL") || regions.stream().anyMatch(r -> !"KR".equals(r));

        ArrayNode brands = Json.MAPPER.createArrayNode();
        if (global) {
            GLOBAL_BRANDS.forEach(brand -> brands.add(brand(brand, call.baseUrl())));
        }
        if (korea) {
            KoreanCardBrands.ALL.forEach(brand -> brands.add(brand(brand, call.baseUrl())));
        }
        ObjectNode option = Json.object();
        option.put("paymentMethodType", "CARD");
        option.put("paymentMethodCategory", "CARD");
        ArrayNode optionRegions = option.putArray("paymentMethodRegion");
        if (global) {
            optionRegions.add("GLOBAL");
        }
        if (korea) {
            optionRegions.add("KR");
        }
        option.put("enabled", true);
        option.put("preferred", true);
        option.putArray("supportedCurrencies").add(amount.currency());
        ObjectNode logo = option.putObject("logo");
        logo.put("logoName", "CARD");
        logo.put("logoUrl", call.baseUrl() + "/static/logos/CARD.svg");
        ObjectNode detail = option.putObject("paymentOptionDetail");
        detail.set("supportCardBrands", brands);
        detail.putArray("funding").add("CREDIT").add("DEBIT");

        ObjectNode body = Json.object();
        body.set("result", AntomResult.SUCCESS.toJson());
        body.putArray("paymentOptions").add(option);
        return body;
    }

    private static ObjectNode brand(String brand, String baseUrl) {
        ObjectNode node = Json.object();
        node.put("cardBrand", brand);
        ObjectNode logo = node.putObject("logo");
        logo.put("logoName", brand);
        logo.put("logoUrl", baseUrl + "/static/logos/" + brand + ".svg");
        return node;
    }
}
