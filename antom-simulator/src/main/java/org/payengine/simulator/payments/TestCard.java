package org.payengine.simulator.payments;

/**
 * A card number the simulator knows, and how it behaves. Only the simulator's own tables hold
 * full numbers; a payment keeps the masked number alone.
 */
public record TestCard(String number, String brand, String issuingCountry, String funding,
                       CardBehaviour behaviour, ThreeDSBehaviour threeDS, boolean antomSandboxCard,
                       String description) {
}
