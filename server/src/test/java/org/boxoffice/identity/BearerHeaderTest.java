package org.boxoffice.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

class BearerHeaderTest {

    private final BearerHeader ours = new BearerHeader();
    private final DefaultBearerTokenResolver springs = new DefaultBearerTokenResolver();

    static Stream<String> headers() {
        return Stream.of(
                "Bearer abc.def-ghi_jkl~mno+pqr/stu",
                "bearer abc",
                "BEARER abc",
                "BeArEr abc==",
                "Bearer abc=",
                "Bearer a",
                "Bearer ",
                "Bearer",
                "Bearer  abc",
                "Bearer abc ",
                "Bearer ab=cd",
                "Bearer ===",
                "Bearer abc\tdef",
                "Bearer abç",
                "Bearer abc,def",
                "Bearerabc",
                "Basic dXNlcjpwYXNz",
                "Token abc",
                "",
                "bearerish abc");
    }

    @ParameterizedTest
    @MethodSource("headers")
    void readsEveryHeaderAsSpringSecuritysDefaultDoes(String header) {
        var request = new MockHttpServletRequest();
        request.addHeader("Authorization", header);
        var expected = outcome(() -> springs.resolve(request));
        assertThat(outcome(() -> ours.resolve(request))).isEqualTo(expected);
    }

    @Test
    void noHeaderIsNoToken() {
        assertThat(ours.resolve(new MockHttpServletRequest())).isNull();
    }

    @Test
    void aMalformedBearerHeaderIsAnInvalidToken() {
        var request = new MockHttpServletRequest();
        request.addHeader("Authorization", "Bearer not a token");
        assertThatThrownBy(() -> ours.resolve(request))
                .isInstanceOf(OAuth2AuthenticationException.class)
                .hasMessage("Bearer token is malformed");
    }

    private static String outcome(Supplier<String> resolve) {
        try {
            return "token " + resolve.get();
        } catch (OAuth2AuthenticationException e) {
            return "refused " + e.getError().getErrorCode() + ": " + e.getMessage();
        }
    }
}
