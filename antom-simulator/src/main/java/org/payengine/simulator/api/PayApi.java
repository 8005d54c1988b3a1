package org.payengine.simulator.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.payengine.simulator.payments.Acquirer;
import org.payengine.simulator.payments.KoreanCardBrands;
import org.payengine.simulator.payments.Payment;
import org.payengine.simulator.payments.PaymentJson;
import org.payengine.simulator.wire.ApiFailure;
import org.payengine.simulator.wire.Money;
import org.payengine.simulator.wire.RequestFields;

/** {@code pay}: a cashier payment; for cards, the buyer pays on the hosted page at {@code normalUrl}. */
final class PayApi implements AntomApi {

    private static final Set<String> OTHER_PRODUCTS = Set.of("AGREEMENT_PAYMENT", "IN_STORE_PAYMENT");
    static final Set<String> TERMINAL_TYPES = Set.of("WEB", "WAP", "APP", "MINI_APP");
    private static final Set<String> OS_TYPES = Set.of("IOS", "ANDROID");
    private static final Set<String> CAPTURE_MODES = Set.of("AUTOMATIC", "MANUAL");

    /**
     * A custom {@code paymentExpiryTime} must be less than this after the request, for every method but bank
     * transfers (pay API reference, {@code paymentExpiryTime}, in the newest SDK's {@code AlipayPayRequest}).
     */
    static final Duration EXPIRY_LIMIT = Duration.ofMinutes(10);
    /** The same limit for bank transfers. */
    static final Duration BANK_TRANSFER_EXPIRY_LIMIT = Duration.ofHours(48);

    private final Acquirer acquirer;

    PayApi(Acquirer acquirer) {
        this.acquirer = acquirer;
    }

    @Override
    public ObjectNode answer(ApiCall call) {
        RequestFields f = call.fields();
        String productCode = f.requiredText("productCode", 32);
        if (OTHER_PRODUCTS.contains(productCode)) {
            throw ApiFailure.of("BUSINESS_NOT_SUPPORT", "productCode " + productCode + " is not supported for this client.");
        }
        if (!"CASHIER_PAYMENT".equals(productCode)) {
            throw ApiFailure.paramIllegal("productCode must be CASHIER_PAYMENT, was " + productCode);
        }
        String paymentRequestId = f.requiredText("paymentRequestId", 64);
        Money amount = f.requiredAmount("paymentAmount");

        RequestFields order = f.requiredObject("order");
        String referenceOrderId = order.requiredText("referenceOrderId", 64);
        order.requiredText("orderDescription", 256);
        order.optionalAmount("orderAmount");
        order.optionalObject("buyer").ifPresent(buyer -> {
            buyer.optionalText("referenceBuyerId", 64);
            buyer.optionalText("buyerPhoneNo", 24);
            buyer.optionalText("buyerEmail", 64);
        });

        RequestFields method = f.requiredObject("paymentMethod");
        String methodType = method.requiredText("paymentMethodType", 64);
        String token = method.optionalText("paymentMethodId", 128).orElse(null);
        boolean issuerAuthentication = method.optionalBoolean("requireIssuerAuthentication").orElse(false);
        Optional<RequestFields> meta = method.optionalObject("paymentMethodMetaData");
        boolean threeDS = meta.flatMap(m -> m.optionalBoolean("is3DSAuthentication")).orElse(false);
        boolean cardOnFile = meta.flatMap(m -> m.optionalBoolean("isCardOnFile")).orElse(false);
        boolean recurring = meta.flatMap(m -> m.optionalText("recurringType", 64)).isPresent();
        String selectedCardBrand = meta.flatMap(m -> m.optionalText("selectedCardBrand", 64)).orElse(null);

        String redirectUrl = f.optionalUrl("paymentRedirectUrl", 2048)
                .orElseThrow(() -> ApiFailure.paramIllegal("paymentRedirectUrl is required"));
        String notifyUrl = f.optionalUrl("paymentNotifyUrl", 2048).orElse(null);
        Instant now = acquirer.now();
        Optional<Instant> customExpiry = f.optionalTime("paymentExpiryTime");
        Instant expiresAt = customExpiry.orElse(now.plus(Acquirer.DEFAULT_EXPIRY));
        if (!expiresAt.isAfter(now)) {
            throw ApiFailure.paramIllegal("paymentExpiryTime must be in the future");
        }
        Duration limit = isBankTransfer(methodType) ? BANK_TRANSFER_EXPIRY_LIMIT : EXPIRY_LIMIT;
        if (customExpiry.isPresent() && !expiresAt.isBefore(now.plus(limit))) {
            throw ApiFailure.paramIllegal("paymentExpiryTime must be less than " + limit.toMinutes()
                    + " minutes after the request for paymentMethodType " + methodType);
        }

        Optional<RequestFields> factor = f.optionalObject("paymentFactor");
        boolean manual = factor.flatMap(p -> p.optionalChoice("captureMode", CAPTURE_MODES)).map("MANUAL"::equals).orElse(false);
        factor.ifPresent(p -> p.optionalBoolean("isAuthorization"));
        f.optionalBoolean("isAuthorization");
        f.optionalObject("settlementStrategy").ifPresent(s -> s.optionalCurrency("settlementCurrency"));

        RequestFields env = f.requiredObject("env");
        String terminalType = env.requiredText("terminalType", 16);
        if (!TERMINAL_TYPES.contains(terminalType)) {
            throw ApiFailure.paramIllegal("env.terminalType must be one of " + TERMINAL_TYPES.stream().sorted().toList()
                    + ", was " + terminalType);
        }
        env.optionalChoice("osType", OS_TYPES);
        env.optionalText("clientIp", 64);
        env.optionalInteger("timeZoneOffset", -720, 720);
        env.optionalObject("browserInfo").ifPresent(browser -> {
            browser.optionalBoolean("javaEnabled");
            browser.optionalBoolean("javaScriptEnabled");
        });
        if ("MINI_APP".equals(terminalType)) {
            f.optionalText("appId", 64).orElseThrow(() -> ApiFailure.paramIllegal("appId is required when env.terminalType is MINI_APP"));
        }
        f.optionalText("merchantRegion", 2);

        if (issuerAuthentication) {
            if (!"CARD".equals(methodType)) {
                throw ApiFailure.paramIllegal("paymentMethod.requireIssuerAuthentication applies to CARD only");
            }
            if (manual) {
                throw ApiFailure.paramIllegal("paymentFactor.captureMode must be AUTOMATIC when "
                        + "paymentMethod.requireIssuerAuthentication is true (Korean issuer-authenticated cards "
                        + "support automatic capture only)");
            }
            if (selectedCardBrand != null && !KoreanCardBrands.ALL.contains(selectedCardBrand)) {
                throw ApiFailure.paramIllegal("paymentMethod.paymentMethodMetaData.selectedCardBrand must be one of "
                        + KoreanCardBrands.ALL + ", was " + selectedCardBrand);
            }
        }
        if (token != null && !"CARD".equals(methodType)) {
            throw ApiFailure.paramIllegal("paymentMethod.paymentMethodId (a card token) applies to CARD only");
        }
        if (token != null && !cardOnFile) {
            throw ApiFailure.paramIllegal("paymentMethod.paymentMethodMetaData.isCardOnFile must be true with a card"
                    + " token in paymentMethod.paymentMethodId: every payment with a stored card says so");
        }

        Payment.Terms terms = new Payment.Terms(call.clientId(), paymentRequestId, referenceOrderId, amount, methodType,
                manual, redirectUrl, notifyUrl, expiresAt, threeDS, issuerAuthentication, selectedCardBrand, token,
                token != null && recurring);
        Acquirer.PayOutcome outcome = acquirer.pay(terms, call.canonical(), call.baseUrl());
        synchronized (outcome.payment()) {
            return PaymentJson.payResponse(outcome.payment(), outcome.answer());
        }
    }

    /** Assumption: bank transfer methods are the ones Antom names so (e.g. {@code BANKTRANSFER_…}, {@code …_BANK_TRANSFER}). */
    private static boolean isBankTransfer(String paymentMethodType) {
        return paymentMethodType.replace("_", "").contains("BANKTRANSFER");
    }
}
