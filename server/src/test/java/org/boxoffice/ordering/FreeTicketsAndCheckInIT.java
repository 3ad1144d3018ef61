package org.boxoffice.ordering;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.boxoffice.audit.Invariants;
import org.boxoffice.catalog.Catalog;
import org.boxoffice.catalog.EventKind;
import org.boxoffice.identity.Accounts;
import org.boxoffice.testing.Api;
import org.boxoffice.testing.BoxofficeIT;
import org.boxoffice.testing.Buyers;
import org.boxoffice.testing.Sales;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Free give-away tickets go straight to PAID with e-tickets; the door checks them in once. */
@BoxofficeIT
class FreeTicketsAndCheckInIT {

    @LocalServerPort
    int port;

    @Autowired
    Catalog catalog;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Invariants invariants;

    Buyers buyers;
    java.util.UUID giveaway;

    @BeforeEach
    void setUp() {
        buyers = new Buyers(accounts, port);
        giveaway = new Sales(catalog)
                .arena(100, Sales.rules(1, 1, null), Instant.now().plus(Duration.ofDays(30)), EventKind.ACTIVITY, 0);
    }

    @Test
    void freeTicketIsPaidAtOnceWithAnETicket() {
        var order =
                buyers.one().postOnce("/api/v1/orders", Map.of("eventId", giveaway, "zone", "FLOOR", "quantity", 1));

        assertThat(order.status()).isEqualTo(201);
        var body = order.json();
        assertThat(body.get("status").asString()).isEqualTo("PAID");
        assertThat(body.get("paidAt").asString()).isNotBlank();
        var ticket = body.get("tickets").get(0);
        assertThat(ticket.get("status").asString()).isEqualTo("VALID");
        assertThat(ticket.get("code").asString()).hasSize(16);
        assertThat(ticket.get("qr").asString()).startsWith("BX1.");
        assertThat(ticket.get("ticketId").asString())
                .isEqualTo(body.get("items").get(0).get("ticketId").asString());
        InvariantsHold.forEvent(invariants, giveaway);
    }

    @Test
    void onePersonTakesPartOnce() {
        var buyer = buyers.one();
        var before = buyer.get("/api/v1/events/" + giveaway).json();
        assertThat(before.get("participated").asBoolean()).isFalse();
        buyer.postOnce("/api/v1/orders", Map.of("eventId", giveaway, "zone", "FLOOR", "quantity", 1));

        var again = buyer.postOnce("/api/v1/orders", Map.of("eventId", giveaway, "zone", "FLOOR", "quantity", 1));

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("ALREADY_PARTICIPATED");
        assertThat(buyer.get("/api/v1/events/" + giveaway)
                        .json()
                        .get("participated")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void eTicketsBelongToTheirOwner() {
        var owner = buyers.one();
        var ticketId = ticketOf(owner).get("ticketId").asString();

        assertThat(owner.get("/api/v1/me/tickets").json().get("total").asInt()).isEqualTo(1);
        assertThat(owner.get("/api/v1/tickets/" + ticketId).status()).isEqualTo(200);
        var stranger = buyers.one().get("/api/v1/tickets/" + ticketId);
        assertThat(stranger.status()).isEqualTo(404);
        assertThat(stranger.code()).isEqualTo("TICKET_NOT_FOUND");
    }

    @Test
    void theDoorAdmitsOnceThenSaysAlreadyUsed() {
        var qr = ticketOf(buyers.one()).get("qr").asString();
        var door = buyers.admin();

        var first = door.post("/api/v1/checkin", Map.of("qr", qr));
        var second = door.post("/api/v1/checkin", Map.of("qr", qr));

        assertThat(first.json().get("result").asString()).isEqualTo("ADMITTED");
        assertThat(first.json().get("ticket").get("status").asString()).isEqualTo("USED");
        assertThat(second.json().get("result").asString()).isEqualTo("ALREADY_USED");
    }

    @Test
    void twoScannersAtOnceAdmitOnePerson() throws Exception {
        var qr = ticketOf(buyers.one()).get("qr").asString();
        var door = buyers.admin();
        var scans = new ArrayList<Callable<Api.Reply>>();
        for (int i = 0; i < 20; i++) {
            scans.add(() -> door.post("/api/v1/checkin", Map.of("qr", qr)));
        }
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            var results = new ArrayList<String>();
            for (var scan : pool.invokeAll(scans)) {
                results.add(scan.get().json().get("result").asString());
            }
            assertThat(results.stream().filter("ADMITTED"::equals)).hasSize(1);
            assertThat(results.stream().filter("ALREADY_USED"::equals)).hasSize(19);
        }
    }

    @Test
    void forgedOrGarbledCodesAreInvalid() {
        var qr = ticketOf(buyers.one()).get("qr").asString();
        var door = buyers.admin();
        var lastDot = qr.lastIndexOf('.');
        var otherSignature =
                qr.substring(0, lastDot + 1) + (qr.charAt(lastDot + 1) == 'A' ? 'B' : 'A') + qr.substring(lastDot + 2);
        var otherTicket = qr.substring(0, 10) + (qr.charAt(10) == 'A' ? 'B' : 'A') + qr.substring(11);
        for (var forged : List.of(otherSignature, otherTicket, "BX1.garbage.garbage", "hello", "BX1..")) {
            var reply = door.post("/api/v1/checkin", Map.of("qr", forged));
            assertThat(reply.status()).as(forged).isEqualTo(200);
            assertThat(reply.json().get("result").asString()).as(forged).isEqualTo("INVALID");
        }
        assertThat(door.post("/api/v1/checkin", Map.of("qr", qr))
                        .json()
                        .get("result")
                        .asString())
                .isEqualTo("ADMITTED");
    }

    @Test
    void onlyStaffScanTickets() {
        var buyer = buyers.one();
        var qr = ticketOf(buyer).get("qr").asString();
        var refused = buyer.post("/api/v1/checkin", Map.of("qr", qr));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(Api.at(port).post("/api/v1/checkin", Map.of("qr", qr)).status())
                .isEqualTo(401);
        var blank = buyers.admin().post("/api/v1/checkin", Map.of());
        assertThat(blank.status()).isEqualTo(422);
        assertThat(blank.json().get("errors").get(0).get("field").asString()).isEqualTo("qr");
        var tooLong = buyers.admin().post("/api/v1/checkin", Map.of("qr", "q".repeat(513)));
        assertThat(tooLong.status()).isEqualTo(422);
        assertThat(tooLong.json().get("errors")).hasSize(1);
    }

    @Test
    void aPageOfTicketsOutOfBoundsIsRefusedWithItsField() {
        var tooLarge = buyers.one().get("/api/v1/me/tickets?size=201");
        assertThat(tooLarge.status()).isEqualTo(422);
        assertThat(tooLarge.code()).isEqualTo("VALIDATION");
        assertThat(tooLarge.json().get("errors").get(0).get("field").asString()).isEqualTo("size");
    }

    @Test
    void aReturnedTicketIsVoidAtTheDoor() {
        var buyer = buyers.one();
        var order = buyer.postOnce("/api/v1/orders", Map.of("eventId", giveaway, "zone", "FLOOR", "quantity", 1))
                .json();
        var qr = order.get("tickets").get(0).get("qr").asString();

        var returned = buyer.postOnce("/api/v1/orders/" + order.get("id").asString() + "/cancel", Map.of());

        assertThat(returned.status()).as(returned.body()).isEqualTo(200);
        assertThat(returned.json().get("status").asString()).isEqualTo("REFUNDED");
        assertThat(returned.json().get("tickets").get(0).get("status").asString())
                .isEqualTo("VOID");
        assertThat(buyers.admin()
                        .post("/api/v1/checkin", Map.of("qr", qr))
                        .json()
                        .get("result")
                        .asString())
                .isEqualTo("VOID");
        InvariantsHold.forEvent(invariants, giveaway);
    }

    @Test
    void aScannerVerifiesTheQrOfflineWithThePublishedKey() throws Exception {
        var qr = ticketOf(buyers.one()).get("qr").asString();
        var key = Api.at(port).get("/api/v1/checkin/keys").json().get("keys").get(0);
        assertThat(key.get("alg").asString()).isEqualTo("Ed25519");

        var publicKey = KeyFactory.getInstance("Ed25519")
                .generatePublic(new X509EncodedKeySpec(
                        Base64.getDecoder().decode(key.get("publicKey").asString())));
        var lastDot = qr.lastIndexOf('.');
        var verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(publicKey);
        verifier.update(qr.substring(0, lastDot).getBytes(StandardCharsets.US_ASCII));

        assertThat(verifier.verify(Base64.getUrlDecoder().decode(qr.substring(lastDot + 1))))
                .isTrue();
    }

    private JsonNode ticketOf(Api buyer) {
        var order = buyer.postOnce("/api/v1/orders", Map.of("eventId", giveaway, "zone", "FLOOR", "quantity", 1));
        assertThat(order.status()).as(order.body()).isEqualTo(201);
        return order.json().get("tickets").get(0);
    }
}
