package org.payengine.domain.id;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
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

    @Test
    void ids_are_values() {
        assertEquals(PaymentRequestId.of("p-1"), PaymentRequestId.of("p-1"));
    }
}
