package org.boxoffice.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class ClientAddressesTest {

    private final ClientAddresses behindProxy =
            new ClientAddresses(new ClientAddresses.Settings(List.of("10.0.0.0/8")));

    @Test
    void aTrustedProxysFirstForwardedHopIsTheClient() {
        assertThat(behindProxy.of(request("10.1.2.3", "203.0.113.7, 10.1.2.3"))).isEqualTo("203.0.113.7");
    }

    @Test
    void aForwardedHeaderFromAnyoneElseIsIgnored() {
        assertThat(behindProxy.of(request("198.51.100.4", "203.0.113.7"))).isEqualTo("198.51.100.4");
        var noProxies = new ClientAddresses(new ClientAddresses.Settings(List.of()));
        assertThat(noProxies.of(request("10.1.2.3", "203.0.113.7"))).isEqualTo("10.1.2.3");
    }

    @Test
    void aTrustedProxyWithoutAForwardedHopIsTheClient() {
        assertThat(behindProxy.of(request("10.1.2.3", null))).isEqualTo("10.1.2.3");
        assertThat(behindProxy.of(request("10.1.2.3", " , 203.0.113.7"))).isEqualTo("10.1.2.3");
    }

    private static MockHttpServletRequest request(String peer, String forwardedFor) {
        var request = new MockHttpServletRequest("POST", "/api/v1/orders");
        request.setRemoteAddr(peer);
        if (forwardedFor != null) {
            request.addHeader("X-Forwarded-For", forwardedFor);
        }
        return request;
    }
}
