package io.byline.store;

/**
 * Runs a service's unit of work in one transaction. Services own their transactions through this;
 * the SQLite {@link Database} implements it, and a PostgreSQL store can too.
 */
public interface Transactor {
    /** All of the work is saved, or none; the write lock is taken at the start. */
    <T> T inWrite(TxWork<T> work);

    /** Reads in one consistent snapshot. */
    <T> T inRead(TxWork<T> work);
}
