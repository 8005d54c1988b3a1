package org.payengine.adapters.http.demo;

import static org.payengine.adapters.http.demo.Html.escape;

import org.payengine.domain.card.StoredCard;

/**
 * The shop: one item, an amount, a capture mode, and Pay. Element ids (stable, for browser tests):
 * {@code #item}, {@code #amount}, {@code #currency}, {@code #captureMode}, {@code #threeDS}, {@code #saveCard},
 * {@code #useSavedCard} (only when the buyer has a saved card), {@code #pay}, {@code #notice}.
 */
final class ShopPage {

    static final String ITEM = "PayEngine T-shirt";
    static final String DEFAULT_AMOUNT = "42.00";
    static final String[] CURRENCIES = {"SGD", "USD", "EUR", "HKD", "JPY", "KRW"};

    private ShopPage() {
    }

    /** @param savedCard the buyer's most recent saved card, or {@code null} */
    static String render(String notice, StoredCard savedCard) {
        StringBuilder currencies = new StringBuilder();
        for (String currency : CURRENCIES) {
            currencies.append("<option>").append(currency).append("</option>");
        }
        String savedCardChoice = savedCard == null ? "" : """
                <label><input type="checkbox" id="useSavedCard" name="useSavedCard" value="%s">
                  Pay with my saved card %s %s</label>
                """.formatted(escape(savedCard.token()), escape(savedCard.brand()),
                escape(savedCard.maskedNumber() == null ? "" : savedCard.maskedNumber()));
        String body = Html.notice(notice) + """
                <form class="card" method="post" action="/demo/checkout">
                  <label>Item <input id="item" name="item" value="%s" maxlength="100"></label>
                  <label>Amount <input id="amount" name="amount" value="%s" inputmode="decimal" size="10">
                    <select id="currency" name="currency">%s</select></label>
                  <label>Capture <select id="captureMode" name="captureMode">
                    <option value="AUTOMATIC">automatic (charged at once)</option>
                    <option value="MANUAL">manual (authorize now, capture from the orders page)</option>
                  </select></label>
                  <label><input type="checkbox" id="threeDS" name="threeDS" value="on"> Ask for 3-D Secure</label>
                  <label><input type="checkbox" id="saveCard" name="saveCard" value="on"> Save my card for next time</label>
                  %s
                  <button id="pay" type="submit">Pay</button>
                </form>
                <p>The card form is Antom's hosted page: this shop never sees a card number.</p>
                """.formatted(escape(ITEM), escape(DEFAULT_AMOUNT), currencies, savedCardChoice);
        return Html.page("Shop", body);
    }
}
