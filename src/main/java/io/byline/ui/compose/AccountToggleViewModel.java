package io.byline.ui.compose;

import io.byline.domain.Account;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/** One of the executive's accounts with whether this draft goes out on it. */
public final class AccountToggleViewModel {
    private final Account account;
    private final BooleanProperty selected;

    public AccountToggleViewModel(Account account, boolean selected) {
        this.account = account;
        this.selected = new SimpleBooleanProperty(selected);
    }

    public Account account() { return account; }
    public BooleanProperty selectedProperty() { return selected; }
    public boolean isSelected() { return selected.get(); }
}
