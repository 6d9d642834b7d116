package io.byline.store;

/** Work done by a service inside one transaction. */
@FunctionalInterface
public interface TxWork<T> {
    T run(Tx tx);
}
