package org.payengine.adapters.antom;

import com.alibaba.fastjson.JSONArray;
import com.alibaba.fastjson.JSONObject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.payengine.adapters.antom.AntomJson.FieldException;
import org.payengine.application.port.PaymentMethodOption;

/** The {@code paymentOptions[]} of Antom's {@code consult} answer. */
final class ConsultOptions {

    private ConsultOptions() {
    }

    static List<PaymentMethodOption> read(JSONObject answer) throws FieldException {
        JSONArray options = answer.getJSONArray("paymentOptions");
        List<PaymentMethodOption> read = new ArrayList<>();
        if (options == null) {
            return read;
        }
        for (int i = 0; i < options.size(); i++) {
            Object option = options.get(i);
            if (!(option instanceof JSONObject)) {
                throw new FieldException("paymentOptions[" + i + "]", "is not an object");
            }
            read.add(option((JSONObject) option, i));
        }
        return read;
    }

    private static PaymentMethodOption option(JSONObject option, int index) throws FieldException {
        String type = AntomJson.optional(option, "paymentMethodType");
        if (type == null) {
            throw new FieldException("paymentOptions[" + index + "].paymentMethodType", "is missing");
        }
        JSONObject logo = AntomJson.objectOrNull(option, "logo");
        return new PaymentMethodOption(type, AntomJson.optional(option, "paymentMethodCategory"),
                Boolean.TRUE.equals(option.getBoolean("enabled")), Boolean.TRUE.equals(option.getBoolean("preferred")),
                AntomJson.optional(option, "disableReason"), AntomJson.optional(logo, "logoName"),
                AntomJson.optional(logo, "logoUrl"), strings(option.getJSONArray("paymentMethodRegion")),
                strings(option.getJSONArray("supportedCurrencies")), cardBrands(option));
    }

    /** Card brands are listed under {@code paymentOptionDetail} and, for installments, {@code installment}. */
    private static List<String> cardBrands(JSONObject option) {
        Set<String> brands = new LinkedHashSet<>();
        for (String holder : List.of("paymentOptionDetail", "installment")) {
            JSONObject detail = AntomJson.objectOrNull(option, holder);
            JSONArray supported = detail == null ? null : detail.getJSONArray("supportCardBrands");
            if (supported != null) {
                for (Object brand : supported) {
                    if (brand instanceof JSONObject && AntomJson.optional((JSONObject) brand, "cardBrand") != null) {
                        brands.add(((JSONObject) brand).getString("cardBrand"));
                    }
                }
            }
        }
        return List.copyOf(brands);
    }

    private static List<String> strings(JSONArray array) {
        List<String> strings = new ArrayList<>();
        if (array != null) {
            for (Object value : array) {
                if (value != null) {
                    strings.add(value.toString());
                }
            }
        }
        return strings;
    }
}
