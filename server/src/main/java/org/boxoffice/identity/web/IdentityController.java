package org.boxoffice.identity.web;

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

    record MintedToken(String email, String accessToken) {}

    record MintedTokens(List<MintedToken> tokens) {}

    @PostMapping("/auth/register")
    @ResponseStatus(HttpStatus.CREATED)
    Registered register(@Valid @RequestBody Registration registration) {
        var account = accounts.register(registration.email(), registration.password(), registration.name());
        return new Registered(account.id(), account.email(), account.name());
    }

    @PostMapping("/auth/login")
    AccessToken login(@Valid @RequestBody Login login) {
        return accounts.login(login.email(), login.password());
    }

    @GetMapping("/me")
    Account me() {
        return accounts.find(CurrentUser.require())
                .orElseThrow(() -> new NotFound("USER_NOT_FOUND", "Your account no longer exists."));
    }

    @PostMapping("/admin/tokens")
    MintedTokens mint(@Valid @RequestBody TokenRequest request) {
        var tokens = accounts.tokensFor(request.emails()).entrySet().stream()
                .map(entry -> new MintedToken(entry.getKey(), entry.getValue()))
                .toList();
        return new MintedTokens(tokens);
    }
}
