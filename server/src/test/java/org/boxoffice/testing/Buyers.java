package org.boxoffice.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.boxoffice.identity.Accounts;

/** Makes users for tests and hands out API clients that act as them. */
public final class Buyers {

    private final Accounts accounts;
    private final int port;

    public Buyers(Accounts accounts, int port) {
        this.accounts = accounts;
        this.port = port;
    }

    public Api one() {
        return many(1).getFirst();
    }

    public List<Api> many(int count) {
        var emails = new ArrayList<String>();
        for (int i = 0; i < count; i++) {
            emails.add("buyer-" + UUID.randomUUID() + "@example.org");
        }
        accounts.addTravelers(emails, emails.stream().map(email -> "Buyer").toList());
        var tokens = accounts.tokensFor(emails);
        return emails.stream().map(email -> Api.at(port).as(tokens.get(email))).toList();
    }

    public Api admin() {
        return Api.at(port).as(accounts.tokenFor("admin@boxoffice.local"));
    }
}
