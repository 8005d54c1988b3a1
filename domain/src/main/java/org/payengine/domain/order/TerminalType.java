package org.payengine.domain.order;

/** Antom's {@code env.terminalType}: where the buyer pays. */
public enum TerminalType {
    /** A desktop browser. */
    WEB,
    /** A mobile browser. */
    WAP,
    /** A mobile app. */
    APP
}
