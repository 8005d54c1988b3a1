package org.payengine.domain.card;

import org.payengine.domain.Text;

/**
 * What Antom reports about 3-D Secure for a card payment ({@code threeDSResult}); every part may be
 * absent. ECI 05/02 means fully authenticated, 06/01 attempted, 07/00 not authenticated.
 */
public record ThreeDSResult(String version, String eci, String cavv, String dsTransactionId) {

    public ThreeDSResult {
        version = Text.optional("threeDSResult.threeDSVersion", version, 16);
        eci = Text.optional("threeDSResult.eci", eci, 8);
        cavv = Text.optional("threeDSResult.cavv", cavv, 128);
        dsTransactionId = Text.optional("threeDSResult.dsTransactionId", dsTransactionId, 128);
    }

    public boolean isEmpty() {
        return version == null && eci == null && cavv == null && dsTransactionId == null;
    }
}
