package org.boxoffice.demo;

import java.util.ArrayList;
import org.boxoffice.identity.Accounts;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Travelers traveler00001@demo.boxoffice.org and on, with no password: {@code
 * boxoffice.demo.travelers} of them (10,000 by default; the admission benchmark asks for 100,000,
 * traveler100000 being the last). They are inserted {@value #BATCH} per statement, so that a
 * large crowd costs a few statements and never a list of all of them at once.
 */
@Component
@Order(1)
class DemoTravelers implements DemoPart {

    static final int DEFAULT_COUNT = 10_000;
    static final int BATCH = 10_000;

    private final Accounts accounts;
    private final int count;

    DemoTravelers(Accounts accounts, @Value("${boxoffice.demo.travelers:" + DEFAULT_COUNT + "}") int count) {
        if (count < 0) {
            throw new IllegalArgumentException("boxoffice.demo.travelers must not be negative, not " + count);
        }
        this.accounts = accounts;
        this.count = count;
    }

    static String email(int number) {
        return "traveler%05d@demo.boxoffice.org".formatted(number);
    }

    int count() {
        return count;
    }

    @Override
    public String name() {
        return "travelers";
    }

    @Override
    public void create() {
        for (int from = 1; from <= count; from += BATCH) {
            int to = Math.min(count, from + BATCH - 1);
            var emails = new ArrayList<String>(to - from + 1);
            var names = new ArrayList<String>(to - from + 1);
            for (int number = from; number <= to; number++) {
                emails.add(email(number));
                names.add("Traveler %05d".formatted(number));
            }
            accounts.addTravelers(emails, names);
        }
    }
}
