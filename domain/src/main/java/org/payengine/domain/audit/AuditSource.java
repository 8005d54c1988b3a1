package org.payengine.domain.audit;

import org.payengine.domain.fact.FactSource;

/** Who or what caused a change. */
public enum AuditSource {
    /** The synchronous answer to one of PayEngine's calls to Antom. */
    API_RESPONSE,
    /** A verified notification from Antom. */
    NOTIFICATION,
    /** An inquiry PayEngine made at Antom. */
    INQUIRY,
    /** A call of the merchant (its API or its embedding code). */
    MERCHANT,
    /** One of PayEngine's background workers (follow-ups, capture guard, duplicate remediation). */
    WORKER;

    public static AuditSource of(FactSource source) {
        return switch (source) {
            case API_RESPONSE -> API_RESPONSE;
            case NOTIFICATION -> NOTIFICATION;
            case INQUIRY -> INQUIRY;
        };
    }
}
