package org.payengine.application.worker;

/** What the capture guard does with a manual-capture authorization that nobody captured as its deadline nears. */
public enum CaptureGuardPolicy {
    /**
     * Raise "capture deadline near" ahead of time, then cancel just before the deadline so the buyer's funds are
     * released cleanly instead of lapsing (the default: capturing is the merchant's decision, shipping depends on it).
     */
    CANCEL,
    /** Raise "capture deadline near" and capture the authorized amount at the same time. */
    CAPTURE
}
