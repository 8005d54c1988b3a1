package org.payengine.adapters.antom.reports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A report's header: which column holds which of Antom's fields, found by name (case aside), so any column order and
 * any generation's layout reads the same, and columns this engine does not know are kept out of the way. The fee
 * columns are found by Antom's naming pattern ({@code <fee>AmountValue} with {@code <fee>Currency}), which covers the
 * fees Antom adds later too.
 */
final class ReportColumns {

    /** The amount columns that are not fees. */
    private static final Set<String> NOT_FEES = Set.of("transactionamountvalue", "settlementamountvalue",
            "convertedtransactionamountvalue");
    /** Fee columns whose names break the pattern: the value column, and its currency column. */
    private static final Map<String, String> IRREGULAR_FEES = Map.of(
            "disputehandlingfee", "disputeHandlingFeeCurrency",
            "disputereversefee", "disputeReverseFeeCurrency");

    /** A fee's value column and its currency column (absent when the report has none). */
    record FeeColumn(String name, int value, Optional<Integer> currency) {
    }

    private final List<String> names;
    private final Map<String, Integer> byName = new LinkedHashMap<>();

    /** @throws ReportRefusal when a name is blank or appears twice */
    ReportColumns(List<String> header) {
        this.names = header.stream().map(String::strip).toList();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (name.isEmpty()) {
                throw new ReportRefusal(1, "line 1 (the header): column " + (i + 1) + " has no name");
            }
            Integer earlier = byName.put(key(name), i);
            if (earlier != null) {
                throw new ReportRefusal(1, "line 1 (the header): column " + name + " appears twice (columns "
                        + (earlier + 1) + " and " + (i + 1) + ")");
            }
        }
    }

    int count() {
        return names.size();
    }

    boolean has(String name) {
        return byName.containsKey(key(name));
    }

    Optional<Integer> index(String name) {
        return Optional.ofNullable(byName.get(key(name)));
    }

    /** The first of {@code names} the header has. */
    Optional<String> firstOf(String... candidates) {
        for (String candidate : candidates) {
            if (has(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** @throws ReportRefusal naming the first of {@code required} the header lacks, and what kind of report needs it */
    void require(String reportName, String... required) {
        for (String name : required) {
            if (!has(name)) {
                throw new ReportRefusal(1, "line 1 (the header): a " + reportName + " report needs the column "
                        + name + ", which this file lacks");
            }
        }
    }

    /** Every fee column pair the header holds, in header order. */
    List<FeeColumn> fees() {
        List<FeeColumn> fees = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            String lower = key(name);
            if (IRREGULAR_FEES.containsKey(lower)) {
                fees.add(new FeeColumn(name, i, index(IRREGULAR_FEES.get(lower))));
            } else if (lower.endsWith("amountvalue") && !NOT_FEES.contains(lower)) {
                String fee = name.substring(0, name.length() - "AmountValue".length());
                Optional<Integer> currency = index(fee + "Currency").or(() -> index(fee + "AmountCurrency"))
                        .or(() -> index(fee + "FeeCurrency"));
                fees.add(new FeeColumn(fee, i, currency));
            }
        }
        return fees;
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
