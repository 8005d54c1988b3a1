package org.payengine.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.payengine.simulator.wire.SdkFields;

/**
 * Strict mode: the catalogue of request fields is the SDK's own (the 2.0.45 jar's models, walked and serialised as
 * its client does), and a field no model has is refused, naming it.
 */
class StrictModeTest {

    private static final Map<String, Class<?>> MODELS = Map.of(
            "pay", com.alipay.global.api.request.ams.pay.AlipayPayRequest.class,
            "inquiryPayment", com.alipay.global.api.request.ams.pay.AlipayPayQueryRequest.class,
            "capture", com.alipay.global.api.request.ams.pay.AlipayCaptureRequest.class,
            "cancel", com.alipay.global.api.request.ams.pay.AlipayPayCancelRequest.class,
            "refund", com.alipay.global.api.request.ams.pay.AlipayRefundRequest.class,
            "inquiryRefund", com.alipay.global.api.request.ams.pay.AlipayInquiryRefundRequest.class,
            "consult", com.alipay.global.api.request.ams.pay.AlipayPayConsultRequest.class);

    private static AntomSimulator antom;
    private static RawClient raw;

    @BeforeAll
    static void start() {
        antom = AntomSimulator.builder().build().start();
        raw = new RawClient(antom);
    }

    @AfterAll
    static void stop() {
        antom.stop();
    }

    @Test
    void the_catalogue_lists_exactly_the_fields_the_sdk_2_0_45_serialises_for_each_api() throws Exception {
        for (Map.Entry<String, Class<?>> api : MODELS.entrySet()) {
            assertEquals(SdkRequestFields.of(api.getValue()), catalogued(api.getKey(), "2.0.45"), api.getKey());
            assertTrue(SdkFields.catalogue().of(api.getKey()).containsAll(catalogued(api.getKey(), "newest")));
        }
    }

    @Test
    void a_field_the_sdk_has_no_model_of_is_refused_naming_it() {
        ObjectNode misspelt = Requests.pay("strict-1", "4200", "AUTOMATIC");
        misspelt.put("paymentNotifyURL", "https://merchant.example/notify");
        assertRefused("paymentNotifyURL", raw.call("pay", misspelt));

        ObjectNode misplaced = Requests.pay("strict-2", "4200", "AUTOMATIC");
        ((ObjectNode) misplaced.get("paymentMethod")).put("is3DSAuthentication", true);
        assertRefused("paymentMethod.is3DSAuthentication", raw.call("pay", misplaced));

        assertRefused("paymentRequestID", raw.call("inquiryPayment", "{\"paymentRequestID\":\"x\"}"));
    }

    @Test
    void an_open_map_of_the_sdk_takes_any_key() {
        ObjectNode body = Requests.pay("strict-3", "4200", "AUTOMATIC");
        ((ObjectNode) body.get("paymentMethod")).putObject("paymentMethodMetaData").put("is3DSAuthentication", true)
                .put("anythingAtAll", "x");
        assertEquals("PAYMENT_IN_PROCESS", raw.call("pay", body).path("result").path("resultCode").asText());
    }

    @Test
    void without_strict_mode_an_unknown_field_passes() {
        try (AntomSimulator lenient = AntomSimulator.builder().strict(false).build().start()) {
            ObjectNode body = Requests.pay("strict-4", "4200", "AUTOMATIC");
            body.put("paymentNotifyURL", "https://merchant.example/notify");
            JsonNode answer = new RawClient(lenient).call("pay", body);
            assertEquals("PAYMENT_IN_PROCESS", answer.path("result").path("resultCode").asText(), answer.toString());
        }
    }

    private static void assertRefused(String field, JsonNode answer) {
        assertEquals("PARAM_ILLEGAL", answer.path("result").path("resultCode").asText(), answer.toString());
        assertTrue(answer.path("result").path("resultMessage").asText().startsWith(field + " is not a field"),
                answer.toString());
    }

    /** The catalogue's paths of one API that the given SDK version has. */
    private static Set<String> catalogued(String api, String version) throws Exception {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(SdkFields.class.getResourceAsStream(
                "sdk-request-fields.tsv"), StandardCharsets.UTF_8))) {
            return lines.lines().filter(line -> !line.startsWith("#") && !line.isBlank())
                    .map(line -> line.split("\t"))
                    .filter(cells -> cells[0].equals(api) && Set.of(cells[2].split(" ")).contains(version))
                    .map(cells -> cells[1]).collect(Collectors.toCollection(TreeSet::new));
        }
    }
}
