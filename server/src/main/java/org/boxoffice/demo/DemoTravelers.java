package org.boxoffice.demo;

import java.util.ArrayList;
import org.boxoffice.identity.Accounts;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** 10,000 travelers, traveler00001@demo.boxoffice.org and on, with no password. */
@Component
@Order(1)
class DemoTravelers implements DemoPart {

    static final int COUNT = 10_000;

    private final Accounts accounts;

    DemoTravelers(Accounts accounts) {
        this.accounts = accounts;
    }

    static String email(int number) {
        return "traveler%05d@demo.boxoffice.org".formatted(number);
    }

    @Override
    public String name() {
        return "travelers";
    }

    @Override
    public void create() {
        var emails = new ArrayList<String>(COUNT);
        var names = new ArrayList<String>(COUNT);
        for (int number = 1; number <= COUNT; number++) {
            emails.add(email(number));
            names.add("Traveler %05d".formatted(number));
        }
        accounts.addTravelers(emails, names);
    }
}
