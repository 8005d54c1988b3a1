package org.payengine.adapters.antom;

import com.alipay.global.api.model.ams.Amount;
import com.alipay.global.api.model.ams.BrowserInfo;
import com.alipay.global.api.model.ams.Buyer;
import com.alipay.global.api.model.ams.CreditPayPlan;
import com.alipay.global.api.model.ams.Env;
import com.alipay.global.api.model.ams.Goods;
import com.alipay.global.api.model.ams.Order;
import com.alipay.global.api.model.ams.OsType;
import com.alipay.global.api.model.ams.PaymentFactor;
import com.alipay.global.api.model.ams.PaymentMethod;
import com.alipay.global.api.model.ams.ProductCodeType;
import com.alipay.global.api.model.ams.SettlementStrategy;
import com.alipay.global.api.model.ams.TerminalType;
import com.alipay.global.api.model.ams.UserName;
import com.alipay.global.api.request.ams.pay.AlipayPayRequest;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;

import java.util.Map;
import java.util.stream.Collectors;
import org.payengine.application.port.PaymentRequest;
import org.payengine.domain.money.Money;
import org.payengine.domain.order.Address;
import org.payengine.domain.order.GoodsLine;
import org.payengine.domain.order.PaymentOptions;
import org.payengine.domain.order.PersonName;
import org.payengine.domain.order.TerminalEnvironment;

/**
 * Builds the SDK's {@code pay} request for a card payment on Antom's hosted page from the
 * domain's {@link PaymentRequest}: the same request always yields the same JSON, so a resend
 * under the same {@code paymentRequestId} is the identical request Antom expects.
 *
 * <p>Where each option goes (Antom's names): capture mode in {@code paymentFactor.captureMode}
 * (with {@code isAuthorization=true}, as Antom's card guide sends it); 3DS in
 * {@code paymentMethod.paymentMethodMetaData.is3DSAuthentication}; saving the card as
 * {@code paymentMethodMetaData.tokenizeMode=ASKFORCONSENT}; a stored card as
 * {@code paymentMethod.paymentMethodId} with {@code paymentMethodMetaData.isCardOnFile=true}, for
 * the buyer's payment as for the merchant's (docs.antom.com/ac/pm/cof); a merchant-initiated
 * payment adds {@code recurringType=UNSCHEDULED} and the first payment's
 * {@code networkTransactionId}; the chosen brand as
 * {@code paymentMethodMetaData.selectedCardBrand}; Korean issuer authentication as
 * {@code paymentMethod.requireIssuerAuthentication}; billing address and cardholder name as
 * {@code paymentMethodMetaData.billingAddress} / {@code cardholderName}; installments as
 * {@code creditPayPlan.installmentNum}.
 */
final class PayRequestBuilder {

    /** Antom's datetime form: ISO 8601 with a numeric offset, whole seconds. */
    static final DateTimeFormatter ANTOM_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

    private final URI defaultNotifyUrl;

    /** @param defaultNotifyUrl sent as {@code paymentNotifyUrl} unless the attempt names its own; may be null */
    PayRequestBuilder(URI defaultNotifyUrl) {
        this.defaultNotifyUrl = defaultNotifyUrl;
    }

    /** The engine's notification URL, also sent as {@code refundNotifyUrl}. */
    java.util.Optional<String> notifyUrl() {
        return java.util.Optional.ofNullable(defaultNotifyUrl).map(URI::toString);
    }

    AlipayPayRequest build(PaymentRequest request) {
        PaymentOptions options = request.options();
        AlipayPayRequest pay = new AlipayPayRequest();
        pay.setProductCode(ProductCodeType.CASHIER_PAYMENT);
        pay.setPaymentRequestId(request.paymentRequestId().value());
        pay.setPaymentAmount(amount(request.amount()));
        pay.setOrder(order(request));
        pay.setPaymentMethod(paymentMethod(options));
        pay.setPaymentRedirectUrl(options.redirectUrl());
        String notifyUrl = options.notifyUrl() != null ? options.notifyUrl()
                : defaultNotifyUrl == null ? null : defaultNotifyUrl.toString();
        pay.setPaymentNotifyUrl(notifyUrl);
        if (request.paymentExpiryTime() != null) {
            pay.setPaymentExpiryTime(time(request.paymentExpiryTime()));
        }
        PaymentFactor factor = new PaymentFactor();
        factor.setCaptureMode(options.captureMode().name());
        factor.setIsAuthorization(true);
        pay.setPaymentFactor(factor);
        if (options.settlementCurrency() != null) {
            SettlementStrategy settlement = new SettlementStrategy();
            settlement.setSettlementCurrency(options.settlementCurrency().getCurrencyCode());
            pay.setSettlementStrategy(settlement);
        }
        if (options.installments() != null) {
            CreditPayPlan plan = new CreditPayPlan();
            plan.setInstallmentNum(options.installments());
            pay.setCreditPayPlan(plan);
        }
        pay.setEnv(env(options.environment()));
        return pay;
    }

    static Amount amount(Money money) {
        Amount amount = new Amount();
        amount.setCurrency(money.currencyCode());
        amount.setValue(money.antomValue());
        return amount;
    }

    static String time(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC).format(ANTOM_TIME);
    }

    private static Order order(PaymentRequest request) {
        Order order = new Order();
        order.setReferenceOrderId(request.referenceOrderId().value());
        // Antom requires a description; an order without one is described by its id
        order.setOrderDescription(request.orderDescription() != null ? request.orderDescription()
                : "Order " + request.referenceOrderId().value());
        order.setOrderAmount(amount(request.amount()));
        org.payengine.domain.order.Buyer buyer = request.buyer();
        if (!buyer.equals(org.payengine.domain.order.Buyer.ANONYMOUS)) {
            Buyer antomBuyer = new Buyer();
            antomBuyer.setReferenceBuyerId(buyer.id() == null ? null : buyer.id().value());
            antomBuyer.setBuyerName(userName(buyer.name()));
            antomBuyer.setBuyerEmail(buyer.email());
            antomBuyer.setBuyerPhoneNo(buyer.phone());
            order.setBuyer(antomBuyer);
        }
        if (!request.goods().isEmpty()) {
            order.setGoods(request.goods().stream().map(PayRequestBuilder::goods).collect(Collectors.toList()));
        }
        return order;
    }

    private static Goods goods(GoodsLine line) {
        Goods goods = new Goods();
        goods.setReferenceGoodsId(line.referenceGoodsId());
        goods.setGoodsName(line.name());
        goods.setGoodsUnitAmount(amount(line.unitAmount()));
        goods.setGoodsQuantity(Integer.toString(line.quantity()));
        goods.setGoodsCategory(line.category());
        goods.setGoodsBrand(line.brand());
        return goods;
    }

    private static PaymentMethod paymentMethod(PaymentOptions options) {
        PaymentMethod method = new PaymentMethod();
        method.setPaymentMethodType("CARD");
        Map<String, Object> metaData = new LinkedHashMap<>();
        if (options.threeDS() != null) {
            metaData.put("is3DSAuthentication", options.threeDS());
        }
        if (options.saveCard()) {
            metaData.put("tokenizeMode", "ASKFORCONSENT");
        }
        if (options.cardToken() != null) {
            // every payment with a stored card says so, the buyer's own as well as the merchant's (Antom's card-on-file page)
            method.setPaymentMethodId(options.cardToken().value());
            metaData.put("isCardOnFile", true);
        }
        if (options.merchantInitiated()) {
            metaData.put("recurringType", "UNSCHEDULED");
            if (options.networkTransactionId() != null) {
                metaData.put("networkTransactionId", options.networkTransactionId());
            }
        }
        if (options.selectedCardBrand() != null) {
            metaData.put("selectedCardBrand", options.selectedCardBrand());
        }
        if (options.requireIssuerAuthentication()) {
            method.setRequireIssuerAuthentication(true);
        }
        if (options.billingAddress() != null) {
            metaData.put("billingAddress", address(options.billingAddress()));
        }
        if (options.cardholderName() != null) {
            metaData.put("cardholderName", userName(options.cardholderName()));
        }
        if (!metaData.isEmpty()) {
            method.setPaymentMethodMetaData(metaData);
        }
        return method;
    }

    private static com.alipay.global.api.model.ams.Address address(Address address) {
        com.alipay.global.api.model.ams.Address antom = new com.alipay.global.api.model.ams.Address();
        antom.setRegion(address.region());
        antom.setState(address.state());
        antom.setCity(address.city());
        antom.setAddress1(address.address1());
        antom.setAddress2(address.address2());
        antom.setZipCode(address.zipCode());
        return antom;
    }

    private static UserName userName(PersonName name) {
        if (name == null) {
            return null;
        }
        UserName userName = new UserName();
        userName.setFirstName(name.firstName());
        userName.setMiddleName(name.middleName());
        userName.setLastName(name.lastName());
        userName.setFullName(name.fullName());
        return userName;
    }

    private static Env env(TerminalEnvironment environment) {
        Env env = new Env();
        if (environment == null) {
            env.setTerminalType(TerminalType.WEB);
            return env;
        }
        env.setTerminalType(TerminalType.valueOf(environment.terminalType().name()));
        if (environment.osType() != null) {
            env.setOsType(OsType.valueOf(environment.osType().name()));
        }
        env.setClientIp(environment.clientIp());
        env.setUserAgent(environment.userAgent());
        env.setDeviceLanguage(environment.deviceLanguage());
        env.setTimeZoneOffset(environment.timeZoneOffset());
        env.setScreenWidth(text(environment.screenWidth()));
        env.setScreenHeight(text(environment.screenHeight()));
        env.setColorDepth(text(environment.colorDepth()));
        env.setDeviceId(environment.deviceId());
        env.setCookieId(environment.cookieId());
        if (environment.browserInfo() != null) {
            org.payengine.domain.order.BrowserInfo browser = environment.browserInfo();
            BrowserInfo info = new BrowserInfo();
            info.setAcceptHeader(browser.acceptHeader());
            info.setJavaEnabled(browser.javaEnabled());
            info.setJavaScriptEnabled(browser.javaScriptEnabled());
            info.setLanguage(browser.language());
            info.setUserAgent(browser.userAgent());
            env.setBrowserInfo(info);
        }
        return env;
    }

    private static String text(Integer value) {
        return value == null ? null : value.toString();
    }

}
