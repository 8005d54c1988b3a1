package org.payengine.adapters.antom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.payengine.adapters.antom.SimulatorFixture.completed;
import static org.payengine.adapters.antom.SimulatorFixture.hosted;
import static org.payengine.adapters.antom.SimulatorFixture.request;

import com.alibaba.fastjson.JSON;
import com.alibaba.fastjson.JSONObject;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.payengine.application.port.GatewayOutcome;
import org.payengine.domain.InvalidValueException;
import org.payengine.application.port.PaymentInquiry;
import org.payengine.application.port.PaymentRequest;
import org.payengine.domain.card.CardToken;
import org.payengine.domain.fact.PaymentInProcess;
import org.payengine.domain.fact.PaymentSucceeded;
import org.payengine.domain.id.PaymentRequestId;
import org.payengine.domain.id.ReferenceBuyerId;
import org.payengine.domain.id.ReferenceOrderId;
import org.payengine.domain.money.Money;
import org.payengine.domain.order.Address;
import org.payengine.domain.order.BrowserInfo;
import org.payengine.domain.order.Buyer;
import org.payengine.domain.order.CaptureMode;
import org.payengine.domain.order.GoodsLine;
import org.payengine.domain.order.OsType;
import org.payengine.domain.order.PaymentOptions;
import org.payengine.domain.order.PersonName;
import org.payengine.domain.order.TerminalEnvironment;
import org.payengine.domain.order.TerminalType;

/**
 * Every hosted-mode option of the domain's pay request reaches Antom under Antom's names and in
 * Antom's formats — shown on the bytes the simulator received — and the simulator acts on them.
 */
class AntomPayOptionsContractTest {

    @RegisterExtension
    static final SimulatorFixture fixture = new SimulatorFixture();

    @Test
    void order_buyer_goods_env_expiry_urls_capture_mode_settlement_installments_and_billing_go_by_antoms_names() {
        TerminalEnvironment environment = new TerminalEnvironment(TerminalType.WAP, OsType.ANDROID, "203.0.113.7",
                "Mozilla/5.0", new BrowserInfo("text/html", false, true, "en-SG", "Mozilla/5.0"), "en", -480,
                390, 844, 24, "device-1", "cookie-1");
        PaymentOptions options = PaymentOptions.hostedCard("https://shop.example/return", environment)
                .captureMode(CaptureMode.MANUAL)
                .threeDS(true)
                .expiresIn(Duration.ofMinutes(9))
                .notifyUrl("https://shop.example/antom/notify")
                .installments(3)
                .billing(new Address("US", "CA", "San Jose", "1 Main St", "Apt 2", "95131"), PersonName.of("Ada", "Lovelace"))
                .settlementCurrency(Currency.getInstance("USD"))
                .build();
        Instant expiresAt = Instant.now().plus(Duration.ofMinutes(9)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        PaymentRequest request = new PaymentRequest(PaymentRequestId.of(SimulatorFixture.uniqueId("pay")),
                ReferenceOrderId.of(SimulatorFixture.uniqueId("order")), "Two coffees", Money.of("SGD", 4200),
                new Buyer(ReferenceBuyerId.of("buyer-7"), PersonName.full("Ada Lovelace"), "ada@example.com", "+6512345678"),
                List.of(new GoodsLine("sku-1", "Cappuccino", Money.of("SGD", 2100), 2, "COFFEE", "Mika's")),
                options, expiresAt);

        completed(fixture.gateway.pay(request));

        JSONObject sent = JSON.parseObject(fixture.proxy.lastBodyTo("payments/pay"));
        assertEquals("CASHIER_PAYMENT", sent.getString("productCode"));
        assertEquals(request.paymentRequestId().value(), sent.getString("paymentRequestId"));
        assertEquals("{\"currency\":\"SGD\",\"value\":\"4200\"}", sent.getJSONObject("paymentAmount").toJSONString());
        assertEquals(expiresAt.atOffset(java.time.ZoneOffset.UTC).format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                .replace("Z", "+00:00"), sent.getString("paymentExpiryTime"));
        assertEquals("https://shop.example/return", sent.getString("paymentRedirectUrl"));
        assertEquals("https://shop.example/antom/notify", sent.getString("paymentNotifyUrl"));
        assertEquals("MANUAL", sent.getJSONObject("paymentFactor").getString("captureMode"));
        assertEquals(Boolean.TRUE, sent.getJSONObject("paymentFactor").getBoolean("isAuthorization"));
        assertEquals("USD", sent.getJSONObject("settlementStrategy").getString("settlementCurrency"));
        assertEquals(3, sent.getJSONObject("creditPayPlan").getIntValue("installmentNum"));

        JSONObject order = sent.getJSONObject("order");
        assertEquals(request.referenceOrderId().value(), order.getString("referenceOrderId"));
        assertEquals("Two coffees", order.getString("orderDescription"));
        assertEquals("4200", order.getJSONObject("orderAmount").getString("value"));
        JSONObject buyer = order.getJSONObject("buyer");
        assertEquals("buyer-7", buyer.getString("referenceBuyerId"));
        assertEquals("Ada Lovelace", buyer.getJSONObject("buyerName").getString("fullName"));
        assertEquals("ada@example.com", buyer.getString("buyerEmail"));
        assertEquals("+6512345678", buyer.getString("buyerPhoneNo"));
        JSONObject goods = order.getJSONArray("goods").getJSONObject(0);
        assertEquals("sku-1", goods.getString("referenceGoodsId"));
        assertEquals("Cappuccino", goods.getString("goodsName"));
        assertEquals("2", goods.get("goodsQuantity"));
        assertEquals("2100", goods.getJSONObject("goodsUnitAmount").getString("value"));
        assertEquals("COFFEE", goods.getString("goodsCategory"));
        assertEquals("Mika's", goods.getString("goodsBrand"));

        JSONObject env = sent.getJSONObject("env");
        assertEquals("WAP", env.getString("terminalType"));
        assertEquals("ANDROID", env.getString("osType"));
        assertEquals("203.0.113.7", env.getString("clientIp"));
        assertEquals("Mozilla/5.0", env.getString("userAgent"));
        assertEquals(-480, env.get("timeZoneOffset"));
        assertEquals("390", env.get("screenWidth"));
        assertEquals("844", env.get("screenHeight"));
        assertEquals("24", env.get("colorDepth"));
        assertEquals("en", env.getString("deviceLanguage"));
        assertEquals("device-1", env.getString("deviceId"));
        assertEquals("cookie-1", env.getString("cookieId"));
        JSONObject browser = env.getJSONObject("browserInfo");
        assertEquals("text/html", browser.getString("acceptHeader"));
        assertEquals(Boolean.FALSE, browser.get("javaEnabled"));
        assertEquals(Boolean.TRUE, browser.get("javaScriptEnabled"));
        assertEquals("en-SG", browser.getString("language"));

        JSONObject method = sent.getJSONObject("paymentMethod");
        assertEquals("CARD", method.getString("paymentMethodType"));
        JSONObject metaData = method.getJSONObject("paymentMethodMetaData");
        assertEquals(Boolean.TRUE, metaData.get("is3DSAuthentication"));
        JSONObject billing = metaData.getJSONObject("billingAddress");
        assertEquals("US", billing.getString("region"));
        assertEquals("CA", billing.getString("state"));
        assertEquals("San Jose", billing.getString("city"));
        assertEquals("1 Main St", billing.getString("address1"));
        assertEquals("Apt 2", billing.getString("address2"));
        assertEquals("95131", billing.getString("zipCode"));
        assertEquals("Ada", metaData.getJSONObject("cardholderName").getString("firstName"));
        assertEquals("Lovelace", metaData.getJSONObject("cardholderName").getString("lastName"));
    }

    @Test
    void the_simulator_acts_on_3ds_and_manual_capture() {
        PaymentRequest request = request("4200", hosted().captureMode(CaptureMode.MANUAL).threeDS(true).build());
        PaymentInProcess created = completed(fixture.gateway.pay(request));
        fixture.antom.completePayment(created.paymentId().value(), SimulatorFixture.SUCCESS_VISA, false);

        PaymentSucceeded paid = (PaymentSucceeded) SimulatorFixture.<List<?>>completed(
                fixture.gateway.inquirePayment(new PaymentInquiry(request.paymentRequestId(), null))).get(0);

        assertNotNull(paid.card().threeDS(), "3DS was asked for, so Antom reports its result");
        assertNotNull(paid.authExpiresAt(), "manual capture: the authorization waits for a capture");
        assertEquals("MANUAL", fixture.antom.payment(created.paymentId().value()).orElseThrow().captureMode());
    }

    @Test
    void three_ds_off_and_a_default_expiry_are_sent_as_such() {
        completed(fixture.gateway.pay(request("4200", hosted().threeDS(false).build())));

        JSONObject sent = JSON.parseObject(fixture.proxy.lastBodyTo("payments/pay"));
        assertEquals(Boolean.FALSE, sent.getJSONObject("paymentMethod").getJSONObject("paymentMethodMetaData")
                .get("is3DSAuthentication"));
        assertFalse(sent.containsKey("paymentExpiryTime"), "Antom's default expiry applies");
        assertEquals("AUTOMATIC", sent.getJSONObject("paymentFactor").getString("captureMode"));
    }

    @Test
    void saving_the_card_then_paying_with_its_token_then_a_merchant_initiated_payment() {
        PaymentRequest first = request("4200", hosted().saveCard(true).build());
        PaymentInProcess created = completed(fixture.gateway.pay(first));
        assertEquals("ASKFORCONSENT", JSON.parseObject(fixture.proxy.lastBodyTo("payments/pay"))
                .getJSONObject("paymentMethod").getJSONObject("paymentMethodMetaData").getString("tokenizeMode"));
        fixture.antom.completePayment(created.paymentId().value(), SimulatorFixture.SUCCESS_VISA, true);
        PaymentSucceeded paid = (PaymentSucceeded) SimulatorFixture.<List<?>>completed(
                fixture.gateway.inquirePayment(new PaymentInquiry(first.paymentRequestId(), null))).get(0);
        CardToken token = paid.card().token();
        String networkTransactionId = paid.card().networkTransactionId();
        assertNotNull(token);

        GatewayOutcome<?> stored = fixture.gateway.pay(request("1500", hosted().storedCard(token).build()));
        assertInstanceOf(PaymentInProcess.class, SimulatorFixture.completed(stored),
                "the buyer pays with the saved card on the hosted page");
        JSONObject storedMethod = JSON.parseObject(fixture.proxy.lastBodyTo("payments/pay")).getJSONObject("paymentMethod");
        assertEquals(token.value(), storedMethod.getString("paymentMethodId"));
        assertEquals(Boolean.TRUE, storedMethod.getJSONObject("paymentMethodMetaData").get("isCardOnFile"),
                "a buyer paying with a saved card is a card-on-file payment too");
        assertFalse(storedMethod.getJSONObject("paymentMethodMetaData").containsKey("recurringType"),
                "but not a merchant-initiated one");

        GatewayOutcome<?> merchantInitiated = fixture.gateway.pay(request("990",
                hosted().merchantInitiated(token, networkTransactionId).build()));
        JSONObject method = JSON.parseObject(fixture.proxy.lastBodyTo("payments/pay")).getJSONObject("paymentMethod");
        assertEquals(token.value(), method.getString("paymentMethodId"));
        JSONObject metaData = method.getJSONObject("paymentMethodMetaData");
        assertEquals(Boolean.TRUE, metaData.get("isCardOnFile"));
        assertEquals("UNSCHEDULED", metaData.getString("recurringType"));
        assertEquals(networkTransactionId, metaData.getString("networkTransactionId"));
        PaymentSucceeded charged = assertInstanceOf(PaymentSucceeded.class, SimulatorFixture.completed(merchantInitiated),
                "a merchant-initiated payment with a stored card needs no buyer");
        assertEquals(Money.of("SGD", 990), charged.amount());
    }

    @Test
    void korean_cards_with_issuer_authentication_and_a_selected_brand() {
        PaymentRequest korean = request("4200", hosted().requireIssuerAuthentication(true).selectedCardBrand("KOOKMIN").build());

        completed(fixture.gateway.pay(korean));

        JSONObject method = JSON.parseObject(fixture.proxy.lastBodyTo("payments/pay")).getJSONObject("paymentMethod");
        assertEquals(Boolean.TRUE, method.get("requireIssuerAuthentication"));
        assertEquals("KOOKMIN", method.getJSONObject("paymentMethodMetaData").getString("selectedCardBrand"),
                "Antom's code for KB Kookmin Card, as the SDK's CardBrand names it");

        // the simulator reads both: issuer authentication allows automatic capture only, as at Antom
        GatewayOutcome<?> manual = fixture.gateway.pay(request("4200", hosted().captureMode(CaptureMode.MANUAL)
                .requireIssuerAuthentication(true).selectedCardBrand("HYUNDAI").build()));
        assertEquals("PARAM_ILLEGAL", assertInstanceOf(GatewayOutcome.Refused.class, manual).code().value());
        assertThrows(InvalidValueException.class, () -> hosted().requireIssuerAuthentication(true)
                .selectedCardBrand("KB").build(), "KB is no code of Antom's: the engine refuses it before Antom does");
    }

    @Test
    void the_engines_notify_url_is_sent_when_the_attempt_names_none() {
        completed(fixture.gateway.pay(request("4200", hosted().build())));

        JSONObject sent = JSON.parseObject(fixture.proxy.lastBodyTo("payments/pay"));
        assertEquals(fixture.inbox.notifyUrl(), sent.getString("paymentNotifyUrl"));
    }
}
