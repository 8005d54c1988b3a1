package org.payengine.adapters.http.demo;

import static org.payengine.adapters.http.demo.Html.escape;

import org.payengine.domain.card.StoredCard;

/**
 * The shop: one item, a quantity, the cart with its total, and Pay — with the demo's own settings beside it (the
 * price and currency, the capture mode, 3-D Secure). Element ids (stable, for browser tests): {@code #item},
 * {@code #quantity}, {@code #amount} (the unit price in major units, e.g. {@code 42.00}), {@code #currency},
 * {@code #captureMode}, {@code #threeDS}, {@code #saveCard}, {@code #useSavedCard} (only when the buyer has a saved
 * card), {@code #cart-total}, {@code #pay}, {@code #notice}.
 */
final class ShopPage {

    static final String ITEM = "PayEngine T-shirt";
    static final String DEFAULT_AMOUNT = "42.00";
    static final String[] CURRENCIES = {"SGD", "USD", "EUR", "HKD", "JPY", "KRW"};
    static final int MAX_QUANTITY = 5;

    private ShopPage() {
    }

    /** @param savedCard the buyer's most recent saved card, or {@code null} */
    static String render(String notice, StoredCard savedCard) {
        StringBuilder currencies = new StringBuilder();
        for (String currency : CURRENCIES) {
            currencies.append("<option>").append(currency).append("</option>");
        }
        StringBuilder quantities = new StringBuilder();
        for (int quantity = 1; quantity <= MAX_QUANTITY; quantity++) {
            quantities.append("<option>").append(quantity).append("</option>");
        }
        String savedCardChoice = savedCard == null ? "" : """
                <label class="check"><input type="checkbox" id="useSavedCard" name="useSavedCard" value="%s">
                  Pay with my saved card %s %s</label>
                """.formatted(escape(savedCard.token()), escape(savedCard.brand()),
                escape(savedCard.maskedNumber() == null ? "" : savedCard.maskedNumber()));
        String body = Html.notice(notice) + """
                <div class="shop">
                  <section class="card product">
                    <div class="art" aria-hidden="true">%1$s</div>
                    <div>
                      <h2 id="product-name">%2$s</h2>
                      <p class="muted">Soft organic cotton, printed with the engine's logo. Ships in two days.</p>
                      <p class="price"><span id="unit-price">SGD %3$s</span> <span class="muted">each</span></p>
                      <label for="quantity">Quantity</label>
                      <select id="quantity" name="quantity" form="checkout">%4$s</select>
                    </div>
                  </section>
                  <form id="checkout" class="card cart" method="post" action="/demo/checkout">
                    <h2>Your cart</h2>
                    <input type="hidden" id="item" name="item" value="%2$s">
                    <div class="table-wrap"><table class="lines">
                      <tr><td><span id="cart-item">%2$s</span> × <span id="cart-quantity">1</span></td>
                          <td class="amount" id="cart-line">SGD %3$s</td></tr>
                      <tr class="total"><th>Total</th><td class="amount" id="cart-total">SGD %3$s</td></tr>
                    </table></div>
                    %5$s
                    <label class="check"><input type="checkbox" id="saveCard" name="saveCard" value="on">
                      Save my card for next time</label>
                    <button id="pay" type="submit">Pay SGD %3$s</button>
                    <p class="muted">You pay on Antom's secure card page: this shop never sees your card number.</p>
                    <fieldset class="demo-settings">
                      <legend>Demo settings</legend>
                      <label for="amount">Price each</label>
                      <span class="inline"><input id="amount" name="amount" value="%3$s" inputmode="decimal" size="8">
                        <select id="currency" name="currency">%6$s</select></span>
                      <label for="captureMode">Capture</label>
                      <select id="captureMode" name="captureMode">
                        <option value="AUTOMATIC">automatic (charged at once)</option>
                        <option value="MANUAL">manual (authorize now, capture from the orders console)</option>
                      </select>
                      <label class="check"><input type="checkbox" id="threeDS" name="threeDS" value="on">
                        Ask for 3-D Secure</label>
                    </fieldset>
                  </form>
                </div>
                """.formatted(T_SHIRT, escape(ITEM), escape(DEFAULT_AMOUNT), quantities, savedCardChoice, currencies)
                + CART_SCRIPT;
        return Html.page("Shop", body, STYLE);
    }

    private static final String STYLE = """
            .shop{display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr);gap:1.25rem;align-items:start}
            .product{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1.2fr);gap:1.25rem;align-items:center}
            .art{background:#eef2fb;border-radius:10px;padding:1rem;display:flex;justify-content:center}
            .art svg{width:100%;max-width:16rem;height:auto}
            .price{font-size:1.35rem;font-weight:700;margin:.6rem 0}
            .cart .lines td.amount{text-align:right;white-space:nowrap}
            .cart .total th,.cart .total td{font-size:1.05rem;font-weight:700;color:#1d2330;border-bottom:0}
            .cart button#pay{width:100%;margin:.8rem 0 .4rem;padding:.8rem;font-size:1.1rem}
            .demo-settings{margin-top:1rem;border:1px dashed #c9ced8;border-radius:10px;padding:.3rem .9rem .8rem;min-width:0}
            .demo-settings legend{font-size:.8rem;color:#5a6272;padding:0 .3rem}
            .demo-settings select,.demo-settings input{max-width:100%}#captureMode{width:100%}
            .inline{display:flex;gap:.5rem}
            @media (max-width:48rem){.shop,.product{grid-template-columns:minmax(0,1fr)}}
            """;

    /** A t-shirt, drawn: no image file to serve. */
    private static final String T_SHIRT = """
            <svg viewBox="0 0 200 180" role="img"><path d="M60 10 L20 35 L35 70 L55 60 L55 170 L145 170 L145 60 L165 70
            L180 35 L140 10 Q100 40 60 10 Z" fill="#14213d"/><circle cx="100" cy="95" r="22" fill="#fca311"/>
            <text x="100" y="101" font-size="16" font-family="sans-serif" font-weight="700" fill="#14213d"
            text-anchor="middle">PE</text></svg>""";

    /** Keeps the cart's lines and the Pay button in step with the quantity and the price (display only). */
    private static final String CART_SCRIPT = """
            <script>
            (function () {
              var quantity = document.getElementById('quantity');
              var amount = document.getElementById('amount');
              var currency = document.getElementById('currency');
              function money(value) {
                var digits = (currency.value === 'JPY' || currency.value === 'KRW') ? 0 : 2;
                return currency.value + ' ' + value.toFixed(digits);
              }
              function update() {
                var each = parseFloat(amount.value.replace(/,/g, ''));
                var count = parseInt(quantity.value, 10) || 1;
                document.getElementById('cart-quantity').textContent = count;
                document.getElementById('unit-price').textContent = isNaN(each) ? '' : money(each);
                var total = isNaN(each) ? '' : money(each * count);
                document.getElementById('cart-line').textContent = total;
                document.getElementById('cart-total').textContent = total;
                document.getElementById('pay').textContent = isNaN(each) ? 'Pay' : 'Pay ' + total;
              }
              [quantity, amount, currency].forEach(function (field) {
                field.addEventListener('input', update);
                field.addEventListener('change', update);
              });
              update();
            })();
            </script>
            """;
}
