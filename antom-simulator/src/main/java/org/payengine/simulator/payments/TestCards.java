package org.payengine.simulator.payments;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The test cards: Antom's own sandbox cards behave as in Antom's sandbox; the cards numbered
 * {@code 40000200000000xx} are this simulator's own, for what Antom's sandbox cannot show.
 */
public final class TestCards {

    /** The code that passes a 3DS challenge or a Korean issuer authentication on the hosted page. */
    public static final String CHALLENGE_CODE = "1234";

    public static final List<TestCard> ALL = List.of(
            antom("9490220011669217", "HYUNDAI", "KR", CardBehaviour.APPROVE, ThreeDSBehaviour.AS_REQUESTED,
                    "success (South Korea, Hyundai)"),
            antom("4294097400915107", "VISA", "BR", CardBehaviour.APPROVE, ThreeDSBehaviour.AS_REQUESTED, "success (Brazil)"),
            antom("4006055482525268", "VISA", "MX", CardBehaviour.APPROVE, ThreeDSBehaviour.AS_REQUESTED, "success (Mexico)"),
            antom("4600729331819383", "VISA", "CL", CardBehaviour.APPROVE, ThreeDSBehaviour.AS_REQUESTED, "success (Chile)"),
            antom("4310377720003234", "VISA", "PE", CardBehaviour.APPROVE, ThreeDSBehaviour.AS_REQUESTED, "success (Peru)"),
            antom("4054695723100768", "VISA", "US", CardBehaviour.APPROVE, ThreeDSBehaviour.AS_REQUESTED, "success"),
            antom("5162774114974622", "MASTERCARD", "US", CardBehaviour.APPROVE, ThreeDSBehaviour.AS_REQUESTED, "success"),
            antom("4054692760174822", "VISA", "US", CardBehaviour.DECLINE, ThreeDSBehaviour.AS_REQUESTED,
                    "declined: DO_NOT_HONOR"),
            antom("5162770472561357", "MASTERCARD", "US", CardBehaviour.DECLINE, ThreeDSBehaviour.AS_REQUESTED,
                    "declined: DO_NOT_HONOR"),
            antom("4035501000000008", "VISA", "US", CardBehaviour.APPROVE, ThreeDSBehaviour.FRICTIONLESS,
                    "3DS frictionless (exemption): success with a 3DS result, no challenge"),
            own("4000020000000018", CardBehaviour.INSUFFICIENT_FUNDS, ThreeDSBehaviour.AS_REQUESTED,
                    "declined: USER_BALANCE_NOT_ENOUGH"),
            own("4000020000000026", CardBehaviour.EXPIRED_CARD, ThreeDSBehaviour.AS_REQUESTED, "declined: CARD_EXPIRED"),
            own("4000020000000034", CardBehaviour.APPROVE, ThreeDSBehaviour.CHALLENGE_FAILS,
                    "3DS challenge always fails: USER_PAYMENT_VERIFICATION_FAILED"),
            own("4000020000000042", CardBehaviour.AVS_MISMATCH, ThreeDSBehaviour.AS_REQUESTED,
                    "success with avsResultRaw N (address mismatch)"),
            own("4000020000000059", CardBehaviour.PROCESSING_THEN_SUCCESS, ThreeDSBehaviour.AS_REQUESTED,
                    "PROCESSING for 60 s (simulated), then SUCCESS"),
            own("4000020000000067", CardBehaviour.PROCESSING_THEN_FAIL, ThreeDSBehaviour.AS_REQUESTED,
                    "PROCESSING for 60 s (simulated), then FAIL: PROCESS_FAIL"),
            own("4000020000000075", CardBehaviour.STAYS_PROCESSING, ThreeDSBehaviour.AS_REQUESTED,
                    "stays PROCESSING (U) for ever; no notification"),
            own("4000020000000083", CardBehaviour.CAPTURE_PROCESSING, ThreeDSBehaviour.AS_REQUESTED,
                    "success; captures answer U CAPTURE_IN_PROCESS and succeed 60 s later"),
            own("4000020000000091", CardBehaviour.CAPTURE_FAILS, ThreeDSBehaviour.AS_REQUESTED,
                    "success; captures answer U CAPTURE_IN_PROCESS and fail 60 s later: PROCESS_FAIL"),
            own("4000020000000109", CardBehaviour.APPROVE, ThreeDSBehaviour.ALWAYS_CHALLENGE,
                    "3DS challenge always asked; passes with code " + CHALLENGE_CODE));

    private static final Map<String, TestCard> BY_NUMBER =
            ALL.stream().collect(Collectors.toUnmodifiableMap(TestCard::number, Function.identity()));

    private TestCards() {
    }

    /** The test card with this number, if it is one. */
    public static Optional<TestCard> find(String number) {
        return Optional.ofNullable(BY_NUMBER.get(number));
    }

    /**
     * How any card number behaves: a test card as listed; any other number that passes the Luhn
     * check is approved with the brand its prefix implies; anything else is empty (invalid).
     */
    public static Optional<TestCard> resolve(String number) {
        Optional<TestCard> known = find(number);
        if (known.isPresent() || !luhnValid(number)) {
            return known;
        }
        return Optional.of(new TestCard(number, brandOf(number), "US", "CREDIT", CardBehaviour.APPROVE,
                ThreeDSBehaviour.AS_REQUESTED, false, "any other valid number: success"));
    }

    /** First six and last four digits, the rest starred, as Antom shows card numbers. */
    public static String mask(String number) {
        return number.substring(0, 6) + "*".repeat(number.length() - 10) + number.substring(number.length() - 4);
    }

    static boolean luhnValid(String number) {
        if (!number.matches("[0-9]{12,19}")) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < number.length(); i++) {
            int digit = number.charAt(number.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        return sum % 10 == 0;
    }

    private static String brandOf(String number) {
        if (number.startsWith("4")) {
            return "VISA";
        }
        if (number.matches("5[1-5].*|2[2-7].*")) {
            return "MASTERCARD";
        }
        if (number.matches("3[47].*")) {
            return "AMEX";
        }
        if (number.startsWith("35")) {
            return "JCB";
        }
        if (number.startsWith("62")) {
            return "CUP";
        }
        return "VISA";
    }

    private static TestCard antom(String number, String brand, String country, CardBehaviour behaviour,
                                  ThreeDSBehaviour threeDS, String description) {
        return new TestCard(number, brand, country, "CREDIT", behaviour, threeDS, true, description);
    }

    private static TestCard own(String number, CardBehaviour behaviour, ThreeDSBehaviour threeDS, String description) {
        return new TestCard(number, "VISA", "US", "CREDIT", behaviour, threeDS, false, description);
    }
}
