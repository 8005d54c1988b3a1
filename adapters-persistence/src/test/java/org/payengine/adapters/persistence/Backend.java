package org.payengine.adapters.persistence;

/** The databases the persistence suite runs on. */
enum Backend {
    /** An H2 file database in a fresh temporary directory: the engine's embedded default. */
    H2,
    /** A fresh schema in the PostgreSQL database named by {@value TestDatabase#POSTGRES_URL_VARIABLE}. */
    POSTGRESQL
}
