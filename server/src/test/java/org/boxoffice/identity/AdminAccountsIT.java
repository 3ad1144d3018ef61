package org.boxoffice.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.boxoffice.catalog.Catalog;
import org.boxoffice.catalog.EventKind;
import org.boxoffice.testing.Api;
import org.boxoffice.testing.BoxofficeIT;
import org.boxoffice.testing.Buyers;
import org.boxoffice.testing.Sales;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What an administrator may do with accounts: mint tokens for travelers, make staff accounts. */
@BoxofficeIT
@ExtendWith(OutputCaptureExtension.class)
class AdminAccountsIT {

    private static final String ADMIN_EMAIL = "admin@boxoffice.local";

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    Catalog catalog;

    @Test
    void tokensAreMintedForPasswordlessTravelersOnly(CapturedOutput output) {
        var traveler = unique("traveler");
        accounts.addTravelers(List.of(traveler), List.of("Traveler"));
        var withPassword = unique("registered");
        api().post("/api/v1/auth/register", Map.of("email", withPassword, "password", "password-1", "name", "R"));
        var staff = unique("staff");
        createAccount(staff, List.of("STAFF")).status();

        var minted = admin().post(
                        "/api/v1/admin/tokens", Map.of("emails", List.of(ADMIN_EMAIL, staff, withPassword, traveler)));

        assertThat(minted.status()).isEqualTo(200);
        var tokens = minted.json().get("tokens");
        assertThat(tokens.size()).as(minted.body()).isEqualTo(1);
        assertThat(tokens.get(0).get("email").asString()).isEqualTo(traveler);
        assertThat(output.getOut())
                .contains("Administrator " + ADMIN_EMAIL)
                .contains("minted 1 tokens for 4 emails asked");
    }

    @Test
    void anAdministratorCreatesAStaffAccountThatLogsInAndChecksTicketsIn(CapturedOutput output) {
        var email = unique("door");

        var created = createAccount(email.toUpperCase(), List.of("STAFF"));

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("email").asString()).isEqualTo(email);
        assertThat(created.json().get("name").asString()).isEqualTo("Door");
        assertThat(created.json().get("roles").toString()).isEqualTo("[\"STAFF\"]");
        assertThat(created.json().get("id").asString()).isNotBlank();
        assertThat(created.json().has("password")).isFalse();
        assertThat(output.getOut()).contains("created the account " + email + " with roles [STAFF]");

        var login = api().post("/api/v1/auth/login", Map.of("email", email, "password", "door-password"));
        assertThat(login.status()).isEqualTo(200);
        var door = api().as(login.json().get("accessToken").asString());
        var checkIn = door.post("/api/v1/checkin", Map.of("qr", aPaidTicketsQr()));
        assertThat(checkIn.status()).as(checkIn.body()).isEqualTo(200);
        assertThat(checkIn.json().get("result").asString()).isEqualTo("ADMITTED");
        assertThat(door.post("/api/v1/admin/tokens", Map.of("emails", List.of(email)))
                        .status())
                .isEqualTo(403);
    }

    @Test
    void aTakenEmailIsRefused() {
        var email = unique("twice");
        createAccount(email, List.of("STAFF"));

        var again = createAccount(email, List.of("STAFF"));

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("EMAIL_TAKEN");
    }

    @Test
    void badEmailsShortPasswordsAndUnknownEmptyOrAdminRolesAreRefusedAsValidation() {
        var refusals = List.of(
                admin().post(
                                "/api/v1/admin/users",
                                Map.of(
                                        "email",
                                        "not-an-email",
                                        "password",
                                        "long-enough",
                                        "name",
                                        "X",
                                        "roles",
                                        List.of("STAFF"))),
                admin().post(
                                "/api/v1/admin/users",
                                Map.of(
                                        "email",
                                        unique("short"),
                                        "password",
                                        "short",
                                        "name",
                                        "X",
                                        "roles",
                                        List.of("STAFF"))),
                createAccount(unique("none"), List.of()),
                createAccount(unique("unknown"), List.of("ROOT")),
                createAccount(unique("admin"), List.of("STAFF", "ADMIN")),
                admin().post(
                                "/api/v1/admin/users",
                                Map.of("email", unique("missing"), "password", "long-enough", "name", "X")));
        for (var reply : refusals) {
            assertThat(reply.status()).as(reply.body()).isEqualTo(422);
            assertThat(reply.code()).isEqualTo("VALIDATION");
        }
        assertThat(accounts.travelerTokensFor(List.of(unique("admin")))).isEmpty();
    }

    @Test
    void onlyAnAdministratorCreatesAccounts() {
        var body = Map.of("email", unique("x"), "password", "long-enough", "name", "X", "roles", List.of("STAFF"));
        assertThat(api().post("/api/v1/admin/users", body).status()).isEqualTo(401);
        var staff = unique("staff");
        createAccount(staff, List.of("STAFF"));
        var staffToken = api().post("/api/v1/auth/login", Map.of("email", staff, "password", "door-password"))
                .json()
                .get("accessToken")
                .asString();
        assertThat(api().as(staffToken).post("/api/v1/admin/users", body).status())
                .isEqualTo(403);
    }

    private Api.Reply createAccount(String email, List<String> roles) {
        return admin().post(
                        "/api/v1/admin/users",
                        Map.of("email", email, "password", "door-password", "name", "Door", "roles", roles));
    }

    private String aPaidTicketsQr() {
        var giveaway = new Sales(catalog)
                .arena(10, Sales.rules(1, 1, null), Instant.now().plus(Duration.ofDays(30)), EventKind.ACTIVITY, 0);
        var order = new Buyers(accounts, port)
                .one()
                .postOnce("/api/v1/orders", Map.of("eventId", giveaway, "zone", "FLOOR", "quantity", 1));
        assertThat(order.status()).as(order.body()).isEqualTo(201);
        return order.json().get("tickets").get(0).get("qr").asString();
    }

    private Api admin() {
        return api().as(accounts.tokenFor(ADMIN_EMAIL));
    }

    private Api api() {
        return Api.at(port);
    }

    private static String unique(String name) {
        return name + "-" + UUID.randomUUID() + "@example.org";
    }
}
