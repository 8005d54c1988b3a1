package org.payengine.domain.id;

/** What every identifier shared with Antom has in common. */
public final class Ids {

    /** Antom's limit for every request and result id. */
    public static final int MAX_LENGTH = 64;

    private Ids() {
    }
}
