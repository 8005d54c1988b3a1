package org.payengine.domain.id;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.payengine.domain.CardDataRefusedException;
import org.payengine.domain.InvalidValueException;

class IdsTest {

    static Stream<Arguments> idTypes() {
        return Stream.of(
                Arguments.of("ReferenceOrderId", (Function<String, Object>) ReferenceOrderId::of),
                Arguments.of("PaymentRequestId", (Function<String, Object>) PaymentRequestId::of),
                Arguments.of("PaymentId", (Function<String, Object>) PaymentId::of),
                Arguments.of("CaptureRequestId", (Function<String, Object>) CaptureRequestId::of),
                Arguments.of("CaptureId", (Function<String, Object>) CaptureId::of),
                Arguments.of("RefundRequestId", (Function<String, Object>) RefundRequestId::of),
                Arguments.of("RefundId", (Function<String, Object>) RefundId::of),
                Arguments.of("ReferenceBuyerId", (Function<String, Object>) ReferenceBuyerId::of));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("idTypes")
    void ids_of_up_to_64_characters_are_accepted(String type, Function<String, Object> create) {
        assertEquals("a".repeat(64), create.apply("a".repeat(64)).toString());
        assertEquals("order 1/é", create.apply("order 1/é").toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("idTypes")
    void an_id_over_64_characters_is_refused_naming_the_type(String type, Function<String, Object> create) {
        InvalidValueException refused = assertThrows(InvalidValueException.class, () -> create.apply("a".repeat(65)));
        assertEquals(type, refused.field());
        assertTrue(refused.getMessage().contains("at most 64 characters, was 65"), refused.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("idTypes")
    void a_blank_or_missing_id_is_refused_naming_the_type(String type, Function<String, Object> create) {
        assertEquals("must not be blank",
                assertThrows(InvalidValueException.class, () -> create.apply("  ")).reason());
        assertEquals("must not be blank", assertThrows(InvalidValueException.class, () -> create.apply("")).reason());
        assertEquals("is required", assertThrows(InvalidValueException.class, () -> create.apply(null)).reason());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("idTypes")
    void an_id_with_control_characters_is_refused(String type, Function<String, Object> create) {
        InvalidValueException refused = assertThrows(InvalidValueException.class, () -> create.apply("order\n1"));
        assertEquals(type, refused.field());
        assertTrue(refused.reason().contains("control characters"), refused.reason());
    }

    static Stream<Arguments> merchantIdTypes() {
        return idTypes().filter(type -> Set.of("ReferenceOrderId", "ReferenceBuyerId").contains(type.get()[0]));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("merchantIdTypes")
    void an_id_the_merchant_writes_that_is_a_card_number_is_refused(String type, Function<String, Object> create) {
        for (String cardLike : List.of("5162774114974622", "order 4054 6957 2310 0768")) {
            CardDataRefusedException refused = assertThrows(CardDataRefusedException.class, () -> create.apply(cardLike));
            assertEquals(type, refused.field());
            assertFalse(refused.getMessage().contains("4054") || refused.getMessage().contains("5162"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("idTypes")
    void an_id_with_a_lone_surrogate_is_refused(String type, Function<String, Object> create) {
        assertEquals(type, assertThrows(InvalidValueException.class, () -> create.apply("sur-\udc00")).field());
        assertEquals(type, assertThrows(InvalidValueException.class, () -> create.apply("sur-\ud801")).field());
        assertEquals("sur-?", create.apply("sur-?").toString());
    }

    @Test
    void antoms_ids_and_the_request_ids_the_engine_makes_are_no_merchant_text_and_not_screened_for_card_numbers() {
        // Antom's long numeric ids, and an embedder's own IdGenerator, would otherwise be refused one time in ten
        assertEquals("5162774114974622", PaymentId.of("5162774114974622").value());
        assertEquals("5162774114974622", CaptureId.of("5162774114974622").value());
        assertEquals("5162774114974622", RefundId.of("5162774114974622").value());
        assertEquals("5162774114974622", PaymentRequestId.of("5162774114974622").value());
        assertEquals("5162774114974622", CaptureRequestId.of("5162774114974622").value());
        assertEquals("5162774114974622", RefundRequestId.of("5162774114974622").value());
    }

    @Test
    void ids_are_values() {
        assertEquals(PaymentRequestId.of("p-1"), PaymentRequestId.of("p-1"));
    }
}
