package org.boxoffice.loadtest.gatling;

import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.http.HttpDsl.http;

import io.gatling.javaapi.core.Simulation;
import java.time.Instant;
import java.util.List;

/**
 * The flash sale: demo travelers, with tokens minted by the administrator, hold 1–4 tickets at a
 * time (best available) in a random zone of the stadium until every zone is sold out or the
 * server turns them away ({@code ORDER_LIMIT}, {@code TICKET_LIMIT}); once nobody holds any more,
 * a share of the orders is paid (the "until sold out, then payment", so the payments'
 * e-ticket signing does not share the CPU with the holds being measured). {@code -Dconcurrency} workers each take the next buyer when their buyer is done. After
 * the run, {@link StadiumAudit} checks the server's counts against the answers; a violation
 * ends the run with exit code 1.
 *
 * <p>{@code -DbaseUrl=http://localhost:8080 -Dstadium=fresh|demo -Dbuyers=10000 -Dconcurrency=500
 * -DrampUp=5 -Dduration=600 -DmaxOrdersPerBuyer=10 -DpayShare=0.1 -DadmitPerSecond=0 -DadminPassword=…} ({@code data/admin-password}
 * at the repository root without it). {@code fresh} (the default) creates a new stadium event with
 * the demo stadium's zones and rules loose enough ({@code maxTicketsPerUser} 1000,
 * {@code maxActiveOrdersPerUser} 100, the API's maximum; holds kept an hour) that a run always
 * starts from 100,000 available tickets and can sell them all; {@code demo} sells the demo
 * stadium under its default rules (3 live orders and 10 tickets per traveler). After
 * {@code -Dduration} seconds (a bound, not a target) no buyer starts another hold. {@code
 * -DadmitPerSecond=N} (N > 0) turns the stadium's waiting room on first, admitting N buyers a second
 * ({@link FlashSale}).
 */
public final class FlashSaleSimulation extends Simulation {

    private final String baseUrl = Settings.baseUrl();
    private final AdminClient admin = new AdminClient(baseUrl).login(Settings.adminEmail(), Settings.adminPassword());
    private final String eventId = stadium(Settings.text("stadium", "fresh"));
    private final FlashSale sale = new FlashSale(
            admin,
            eventId,
            mintTokens(Settings.number("buyers", 10_000)),
            Settings.seconds("duration", 600),
            Settings.fraction("payShare", 0.1),
            Settings.number("admitPerSecond", 0));

    {
        sale.prepare(admin);
        setUp(sale.buyers("flash sale")
                        .injectOpen(
                                rampUsers(Settings.number("concurrency", 500)).during(Settings.seconds("rampUp", 5))))
                .protocols(http.baseUrl(baseUrl).acceptHeader("application/json"))
                .assertions(details(FlashSale.HOLD).failedRequests().count().is(0L));
    }

    @Override
    public void after() {
        boolean invariantsHeld = sale.audit();
        Figures.print();
        if (!invariantsHeld) {
            // The report of a run that broke an invariant is not a benchmark; fail loudly instead.
            System.out.flush();
            System.exit(1);
        }
    }

    private String stadium(String mode) {
        return switch (mode) {
            case "demo" -> admin.demoStadiumId();
            case "fresh" -> admin.createStadium("Flash sale " + Instant.now(), FlashSale.freshRules());
            default -> throw new IllegalArgumentException("-Dstadium= is fresh or demo, not " + mode);
        };
    }

    /** Tokens for traveler00001 … , 1,000 emails per call (the server's body limit fits about 1,800). */
    private List<String> mintTokens(int buyers) {
        return admin.travelerTokens(1, buyers, 1000);
    }
}
