package org.boxoffice.identity.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.boxoffice.identity.AccessToken;
import org.boxoffice.identity.Account;
import org.boxoffice.identity.Accounts;
import org.boxoffice.identity.CurrentUser;
import org.boxoffice.platform.NotFound;
import org.boxoffice.platform.ProblemCodes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
class IdentityController {

    private static final Logger log = LoggerFactory.getLogger(IdentityController.class);

    private final Accounts accounts;

    IdentityController(Accounts accounts) {
        this.accounts = accounts;
    }

    record Registration(
            @NotBlank @Email @Size(max = 254) String email,
            @NotNull @Size(min = 8, max = 72) String password,
            @NotBlank @Size(max = 200) String name) {}

    record Registered(java.util.UUID id, String email, String name) {}

    record Login(
            @NotBlank @Size(max = 254) String email,
            @NotNull @Size(max = 200) String password) {}

    record TokenRequest(@NotEmpty @Size(max = 10_000) List<@NotBlank @Size(max = 254) String> emails) {}

    record NewAccount(
            @NotBlank @Email @Size(max = 254) String email,
            @NotNull @Size(min = 8, max = 72) String password,
            @NotBlank @Size(max = 200) String name,
            @NotNull @Size(max = 3) List<@NotNull String> roles) {}

    record MintedToken(String email, String accessToken) {}

    record MintedTokens(List<MintedToken> tokens) {}

    @ProblemCodes({"409 EMAIL_TAKEN", "429 RATE_LIMITED", "503 OVERLOADED"})
    @Operation(summary = "Register an account")
    @PostMapping("/auth/register")
    @ResponseStatus(HttpStatus.CREATED)
    Registered register(@Valid @RequestBody Registration registration) {
        var account = accounts.register(registration.email(), registration.password(), registration.name());
        return new Registered(account.id(), account.email(), account.name());
    }

    @ProblemCodes({"401 BAD_CREDENTIALS", "429 RATE_LIMITED", "503 OVERLOADED"})
    @Operation(summary = "Log in: an access token for the email and password")
    @PostMapping("/auth/login")
    AccessToken login(@Valid @RequestBody Login login) {
        return accounts.login(login.email(), login.password());
    }

    @ProblemCodes({"401 UNAUTHORIZED"})
    @Operation(summary = "The account of the token's user")
    @GetMapping("/me")
    Account me() {
        return accounts.find(CurrentUser.require())
                .orElseThrow(() -> new NotFound("USER_NOT_FOUND", "Your account no longer exists."));
    }

    @ProblemCodes({"401 UNAUTHORIZED", "403 FORBIDDEN"})
    @PostMapping("/admin/tokens")
    @Operation(
            summary = "Mint tokens for travelers",
            description = "Access tokens for existing USER accounts that have no password (demo and load-test "
                    + "travelers), at most 10,000 emails a call. Administrators, staff and accounts with a password "
                    + "are left out of the answer, as are unknown emails. Every call is logged with the calling "
                    + "administrator, the count asked and the count minted.")
    MintedTokens mint(@Valid @RequestBody TokenRequest request) {
        var tokens = accounts.travelerTokensFor(request.emails()).entrySet().stream()
                .map(entry -> new MintedToken(entry.getKey(), entry.getValue()))
                .toList();
        log.info(
                "Administrator {} ({}) minted {} tokens for {} emails asked",
                CurrentUser.email().orElse("?"),
                CurrentUser.require(),
                tokens.size(),
                request.emails().size());
        return new MintedTokens(tokens);
    }

    @ProblemCodes({"401 UNAUTHORIZED", "403 FORBIDDEN", "409 EMAIL_TAKEN"})
    @PostMapping("/admin/users")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Create a staff account",
            description = "An account that logs in with its password, for the box office and the door. `roles` is "
                    + "a non-empty list of `STAFF` and `USER`; `ADMIN` cannot be given (the one administrator is the "
                    + "configured account), nor can an unknown role: both are 422 VALIDATION.")
    @ApiResponse(responseCode = "201", description = "The account: {id, email, name, roles}")
    @ApiResponse(responseCode = "409", description = "EMAIL_TAKEN")
    @ApiResponse(
            responseCode = "422",
            description = "VALIDATION: a bad email, a password shorter than 8, no roles, an unknown role or ADMIN")
    Account createAccount(@Valid @RequestBody NewAccount account) {
        var created = accounts.create(account.email(), account.password(), account.name(), account.roles());
        log.info(
                "Administrator {} created the account {} with roles {}",
                CurrentUser.email().orElse("?"),
                created.email(),
                created.roles());
        return created;
    }
}
