package org.payengine.domain.order;

/** Antom's {@code env.osType}, expected for {@link TerminalType#WAP} and {@link TerminalType#APP}. */
public enum OsType {
    IOS,
    ANDROID
}
