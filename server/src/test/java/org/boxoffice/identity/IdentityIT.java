package org.boxoffice.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.boxoffice.testing.Api;
import org.boxoffice.testing.BoxofficeIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@BoxofficeIT
class IdentityIT {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Test
    void registeredUserLogsInAndSeesThemselves() {
        var email = unique("ana");
        var registered =
                api().post("/api/v1/auth/register", Map.of("email", email, "password", "s3cret-pass", "name", "Ana"));
        assertThat(registered.status()).isEqualTo(201);
        assertThat(registered.json().get("email").asString()).isEqualTo(email);

        var login = api().post("/api/v1/auth/login", Map.of("email", email.toUpperCase(), "password", "s3cret-pass"));
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.json().get("tokenType").asString()).isEqualTo("Bearer");
        assertThat(login.json().get("expiresIn").asLong()).isPositive();

        var me = api().as(login.json().get("accessToken").asString()).get("/api/v1/me");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("id").asString())
                .isEqualTo(registered.json().get("id").asString());
        assertThat(me.json().get("roles").toString()).isEqualTo("[\"USER\"]");
    }

    @Test
    void secondRegistrationWithTheSameEmailIsRefused() {
        var email = unique("twice");
        api().post("/api/v1/auth/register", Map.of("email", email, "password", "password-1", "name", "One"));
        var again =
                api().post("/api/v1/auth/register", Map.of("email", email, "password", "password-2", "name", "Two"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("EMAIL_TAKEN");
    }

    @Test
    void registrationBreakingTheRulesIsRefusedAsValidation() {
        var shortPassword =
                api().post("/api/v1/auth/register", Map.of("email", unique("s"), "password", "short", "name", "S"));
        var badEmail = api().post(
                        "/api/v1/auth/register",
                        Map.of("email", "not-an-email", "password", "long-enough", "name", "B"));
        var missingName = api().post("/api/v1/auth/register", Map.of("email", unique("m"), "password", "long-enough"));
        for (var reply : List.of(shortPassword, badEmail, missingName)) {
            assertThat(reply.status()).isEqualTo(422);
            assertThat(reply.code()).isEqualTo("VALIDATION");
            assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
        }
    }

    @Test
    void wrongPasswordAndUnknownEmailAreTheSameRefusal() {
        var email = unique("wrong");
        api().post("/api/v1/auth/register", Map.of("email", email, "password", "right-password", "name", "W"));
        var wrongPassword = api().post("/api/v1/auth/login", Map.of("email", email, "password", "wrong-password"));
        var unknown = api().post("/api/v1/auth/login", Map.of("email", unique("nobody"), "password", "whatever1"));
        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(wrongPassword.code()).isEqualTo("BAD_CREDENTIALS");
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(unknown.code()).isEqualTo("BAD_CREDENTIALS");
    }

    @Test
    void missingOrForgedTokenIsUnauthorized() {
        var missing = api().get("/api/v1/me");
        var forged =
                api().as("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl").get("/api/v1/me");
        assertThat(missing.status()).isEqualTo(401);
        assertThat(missing.code()).isEqualTo("UNAUTHORIZED");
        assertThat(forged.status()).isEqualTo(401);
    }

    @Test
    void administratorMintsTokensForExistingUsersOnly() {
        var traveler = unique("traveler");
        accounts.addTravelers(List.of(traveler), List.of("Traveler"));
        var admin = api().as(adminToken());

        var minted = admin.post("/api/v1/admin/tokens", Map.of("emails", List.of(traveler, unique("ghost"))));

        assertThat(minted.status()).isEqualTo(200);
        var tokens = minted.json().get("tokens");
        assertThat(tokens.size()).isEqualTo(1);
        assertThat(tokens.get(0).get("email").asString()).isEqualTo(traveler);
        var me = api().as(tokens.get(0).get("accessToken").asString()).get("/api/v1/me");
        assertThat(me.json().get("email").asString()).isEqualTo(traveler);
    }

    @Test
    void ordinaryUserMayNotMintTokens() {
        var email = unique("plain");
        api().post("/api/v1/auth/register", Map.of("email", email, "password", "password-x", "name", "P"));
        var token = api().post("/api/v1/auth/login", Map.of("email", email, "password", "password-x"))
                .json()
                .get("accessToken")
                .asString();
        var refused = api().as(token).post("/api/v1/admin/tokens", Map.of("emails", List.of(email)));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.code()).isEqualTo("FORBIDDEN");
    }

    @Test
    void administratorLogsInWithTheConfiguredPassword() {
        var login = api().post(
                        "/api/v1/auth/login",
                        Map.of("email", "admin@boxoffice.local", "password", "admin-password-for-tests"));
        assertThat(login.status()).isEqualTo(200);
        var me = api().as(login.json().get("accessToken").asString()).get("/api/v1/me");
        assertThat(me.json().get("roles").toString()).contains("ADMIN");
    }

    private String adminToken() {
        return accounts.tokenFor("admin@boxoffice.local");
    }

    private Api api() {
        return Api.at(port);
    }

    private static String unique(String name) {
        return name + "-" + UUID.randomUUID() + "@example.org";
    }
}
