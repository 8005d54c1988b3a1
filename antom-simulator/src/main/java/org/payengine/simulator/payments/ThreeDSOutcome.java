package org.payengine.simulator.payments;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.UUID;
import org.payengine.simulator.wire.Json;

/** A 3D Secure result as Antom reports it in {@code threeDSResult}. */
public record ThreeDSOutcome(String threeDSVersion, String eci, String cavv, String dsTransactionId, boolean challenged) {

    /** Fully authenticated: ECI 05 for Visa-like brands, 02 for Mastercard. */
    static ThreeDSOutcome authenticated(String brand, boolean challenged) {
        String eci = "MASTERCARD".equals(brand) ? "02" : "05";
        return new ThreeDSOutcome("2.2.0", eci, "AAABBZJ" + UUID.randomUUID().toString().replace("-", "").substring(0, 21),
                UUID.randomUUID().toString(), challenged);
    }

    public ObjectNode toJson() {
        ObjectNode node = Json.object();
        node.put("threeDSVersion", threeDSVersion);
        node.put("eci", eci);
        node.put("cavv", cavv);
        node.put("dsTransactionId", dsTransactionId);
        return node;
    }
}
