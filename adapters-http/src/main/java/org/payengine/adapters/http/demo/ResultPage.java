package org.payengine.adapters.http.demo;

import static org.payengine.adapters.http.demo.Html.escape;

import org.payengine.domain.order.OrderSnapshot;

/**
 * Where Antom sends the buyer back. It follows Antom's advice for result pages: the redirect itself proves nothing,
 * so the page shows what the engine knows, after asking Antom once as the buyer lands. While the result is not final
 * it keeps reading the engine's stored state ({@code GET /demo/orders/{id}/outcome}, never a call to Antom), at a
 * growing interval (1 s, then half as long again each time, at most {@value #MAX_POLL_MILLIS} ms) until the result is
 * final, and then shows it without a reload. Its words are a buyer's ({@link BuyerWords}): no result codes, no ids;
 * a decline says what the buyer can do, and offers to pay again (a new attempt of the same order); every outcome has
 * a way back to the shop.
 *
 * <p>Element ids: {@code #result-status} (its {@code data-status} is {@code SUCCEEDED}, {@code FAILED},
 * {@code PROCESSING} or {@code CLOSED}; {@code data-order} names the order), {@code #result-advice}, {@code #try-again}
 * (shown on failure), {@code #back-to-shop}.
 */
final class ResultPage {

    /** The first wait before asking the engine again, and how each wait grows (Antom: wait a few seconds). */
    static final int FIRST_POLL_MILLIS = 1000;
    static final double POLL_GROWTH = 1.5;
    static final int MAX_POLL_MILLIS = 15_000;

    private ResultPage() {
    }

    static String render(OrderSnapshot order, Outcome outcome) {
        BuyerWords words = BuyerWords.of(order, outcome);
        String orderId = escape(order.id().value());
        String body = """
                <main class="result card %1$s" id="result">
                  <div class="result-icon" aria-hidden="true"></div>
                  <h2 id="result-status" class="status %1$s" data-status="%1$s" data-order="%2$s" aria-live="polite">%3$s</h2>
                  <p id="result-advice">%4$s</p>
                  <dl class="summary"><dt>Item</dt><dd>%5$s</dd><dt>Total</dt><dd>%6$s</dd></dl>
                  <div class="actions">
                    <form id="try-again-form" method="post" action="/demo/orders/%2$s/retry"%7$s>
                      <button id="try-again" type="submit">Try again</button></form>
                    <a id="back-to-shop" class="button secondary" href="/demo">Back to the shop</a>
                  </div>
                </main>
                """.formatted(outcome, orderId, escape(words.headline()), escape(words.advice()),
                escape(order.description() == null ? ShopPage.ITEM : order.description()), escape(order.amount()),
                outcome == Outcome.FAILED ? "" : " hidden");
        return Html.page("Your payment", body + (outcome == Outcome.PROCESSING ? poller() : ""), STYLE);
    }

    private static final String STYLE = """
            main.page h1{display:none}
            .result{max-width:34rem;margin:2rem auto;text-align:center;padding:2rem 1.5rem}
            .result h2{font-size:1.45rem;margin:.8rem 0 .4rem}
            .result #result-advice{color:#39404d;margin:.2rem 0 1.2rem}
            .result .summary{display:grid;grid-template-columns:auto auto;justify-content:center;gap:.2rem 1rem;
            margin:0 0 1.2rem;font-size:.95rem}.result .summary dt{color:#5a6272}.result .summary dd{margin:0;font-weight:600}
            .result .actions{display:flex;flex-wrap:wrap;gap:.6rem;justify-content:center}
            .result .actions form{margin:0}
            .result-icon{width:3.5rem;height:3.5rem;margin:0 auto;border-radius:50%;position:relative}
            .result.PROCESSING .result-icon{border:5px solid #f1e2bd;border-top-color:#d08c00;animation:spin 1s linear infinite}
            .result.SUCCEEDED .result-icon{background:#1f9d55}
            .result.SUCCEEDED .result-icon::after{content:"";position:absolute;left:1.2rem;top:.65rem;width:.8rem;height:1.5rem;
            border:solid #fff;border-width:0 .3rem .3rem 0;transform:rotate(45deg)}
            .result.FAILED .result-icon,.result.CLOSED .result-icon{background:#c62828}
            .result.FAILED .result-icon::before,.result.FAILED .result-icon::after,.result.CLOSED .result-icon::before,
            .result.CLOSED .result-icon::after{content:"";position:absolute;left:1.6rem;top:.8rem;width:.3rem;height:1.9rem;
            background:#fff;transform:rotate(45deg)}
            .result.FAILED .result-icon::after,.result.CLOSED .result-icon::after{transform:rotate(-45deg)}
            @keyframes spin{to{transform:rotate(360deg)}}
            """;

    /** Reads the engine's stored outcome at a growing interval until it is final, then shows it in place. */
    private static String poller() {
        return """
                <script>
                (function () {
                  var result = document.getElementById('result');
                  var status = document.getElementById('result-status');
                  var url = '/demo/orders/' + encodeURIComponent(status.dataset.order) + '/outcome';
                  var wait = %d;
                  function show(answer) {
                    result.className = 'result card ' + answer.outcome;
                    status.className = 'status ' + answer.outcome;
                    status.dataset.status = answer.outcome;
                    status.textContent = answer.headline;
                    document.getElementById('result-advice').textContent = answer.advice;
                    document.getElementById('try-again-form').hidden = answer.outcome !== 'FAILED';
                  }
                  function later() {
                    setTimeout(ask, wait);
                    wait = Math.min(Math.round(wait * %s), %d);
                  }
                  function ask() {
                    fetch(url, {headers: {'Accept': 'application/json'}, cache: 'no-store'})
                      .then(function (response) {
                        if (!response.ok) { throw new Error('HTTP ' + response.status); }
                        return response.json();
                      })
                      .then(function (answer) {
                        show(answer);
                        if (answer.outcome === 'PROCESSING') { later(); }
                      })
                      .catch(later);
                  }
                  later();
                })();
                </script>
                """.formatted(FIRST_POLL_MILLIS, POLL_GROWTH, MAX_POLL_MILLIS);
    }
}
