package io.byline.store;

import io.byline.domain.Account;
import io.byline.domain.Executive;
import io.byline.domain.Platform;

import java.util.List;
import java.util.Optional;

/** Executives and their accounts. */
public interface ExecutiveRepository {
    List<Executive> all(Tx tx, boolean includeRetired);

    Optional<Executive> byId(Tx tx, long id);

    long insert(Tx tx, Executive executive);

    void update(Tx tx, Executive executive);

    void setRetired(Tx tx, long id, boolean retired);

    List<Account> accounts(Tx tx, long executiveId, boolean includeRetired);

    List<Account> allAccounts(Tx tx, boolean includeRetired);

    Optional<Account> account(Tx tx, long id);

    /** Whether another account (not {@code exceptId}) already has this platform and handle, retired or not. */
    boolean handleTaken(Tx tx, Platform platform, String handle, long exceptId);

    long insertAccount(Tx tx, Account account);

    void updateAccount(Tx tx, Account account);

    void setAccountRetired(Tx tx, long id, boolean retired);
}
