package org.payengine.simulator.payments;

/** How a test card goes through 3D Secure. */
public enum ThreeDSBehaviour {
    /** No 3DS unless the merchant asks for it ({@code is3DSAuthentication}); then a challenge. */
    AS_REQUESTED,
    /** Always authenticated without a challenge (the exemption card). */
    FRICTIONLESS,
    /** Always challenged; the challenge passes with the right code. */
    ALWAYS_CHALLENGE,
    /** Always challenged; the challenge always fails. */
    CHALLENGE_FAILS
}
