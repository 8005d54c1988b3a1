package org.payengine.adapters.antom;

import java.util.List;
import java.util.Optional;

/**
 * The errors Antom's API gateway answers by itself, before any payment is looked at: the request's
 * authentication (client id, key, signature), its path, method and media type. The gateway answers
 * them without a signature (Java SDK pull request #222: unsigned answers are gateway errors with
 * status {@code F} or {@code U}), so these codes — and only these — are trusted unsigned as a
 * definite refusal: nothing was done.
 *
 * <p>All but {@code PARAM_ILLEGAL} say that this engine is configured wrong (or that something
 * between it and Antom changes its requests): every further call will be refused the same way until
 * a person changes a setting, so they name the settings to check — by the names of the
 * {@link AntomSettings.Builder} methods that set them ({@code clientId}, {@code merchantPrivateKey},
 * {@code endpoint}, {@code sandbox}); a composition root translates them into its own. Codes and meanings from Antom's
 * common result codes (docs.antom.com/ac/ams/api_fund, "Result codes") and the API references.
 */
enum GatewayError {

    INVALID_SIGNATURE("Antom could not verify the request's signature with the merchant public key it holds for this"
            + " client id: the merchant private key is not the one whose public key was uploaded in Antom Dashboard"
            + " (sandbox and live have their own keys)",
            Names.MERCHANT_KEY, Names.CLIENT_ID, Names.SANDBOX),
    KEY_NOT_FOUND("Antom holds no merchant public key for this client id and key version: upload the public key of"
            + " the merchant private key in Antom Dashboard, or correct the client id",
            Names.CLIENT_ID, Names.MERCHANT_KEY),
    INVALID_CLIENT("Antom does not know this client id (a sandbox client id starts with SANDBOX_ and is used with"
            + " the sandbox paths)", Names.CLIENT_ID, Names.SANDBOX),
    CLIENT_INVALID(INVALID_CLIENT),
    INVALID_CLIENT_STATUS("this client id is not active at Antom (disabled, or not live yet)",
            Names.CLIENT_ID, Names.SANDBOX),
    ACCESS_DENIED("Antom denies this client access: the client id belongs to another environment or region host,"
            + " or its contract does not allow the call", Names.ENDPOINT, Names.CLIENT_ID,
            Names.SANDBOX),
    CLIENT_FORBIDDEN_ACCESS_API("this client id may not call this API: its contract with Antom does not include it",
            Names.CLIENT_ID),
    NO_INTERFACE_DEF("Antom serves no such API at the path called: the sandbox setting or the endpoint is wrong",
            Names.SANDBOX, Names.ENDPOINT),
    INVALID_API(NO_INTERFACE_DEF),
    API_INVALID(NO_INTERFACE_DEF),
    MEDIA_TYPE_NOT_ACCEPTABLE("Antom's gateway did not receive the request as it was sent: something between this"
            + " engine and Antom changes requests, or the endpoint is not Antom's API", Names.ENDPOINT),
    METHOD_NOT_SUPPORTED(MEDIA_TYPE_NOT_ACCEPTABLE),
    /** A definite refusal the gateway may answer unsigned; about one request, not about the configuration. */
    PARAM_ILLEGAL("the request has an illegal or missing parameter");

    private final String meaning;
    private final List<String> settings;

    /** The settings, by the names of the {@link AntomSettings.Builder} methods that set them. */
    private static final class Names {
        static final String CLIENT_ID = "clientId";
        static final String MERCHANT_KEY = "merchantPrivateKey";
        static final String ENDPOINT = "endpoint";
        static final String SANDBOX = "sandbox";
    }

    GatewayError(String meaning, String... settings) {
        this.meaning = meaning;
        this.settings = List.of(settings);
    }

    /** Another code for the same problem (Antom spells some codes two ways). */
    GatewayError(GatewayError sameAs) {
        this(sameAs.meaning, sameAs.settings.toArray(String[]::new));
    }

    /** The gateway error with this result code, if it is one. */
    static Optional<GatewayError> of(String resultCode) {
        for (GatewayError error : values()) {
            if (error.name().equals(resultCode)) {
                return Optional.of(error);
            }
        }
        return Optional.empty();
    }

    /** Whether the error is about this engine's configuration, so that every call will be refused until it changes. */
    boolean isConfigurationProblem() {
        return !settings.isEmpty();
    }

    String meaning() {
        return meaning;
    }

    /** The settings to check, by the names of the configuration contract. */
    List<String> settings() {
        return settings;
    }
}
