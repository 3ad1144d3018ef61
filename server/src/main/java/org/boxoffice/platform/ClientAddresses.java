package org.boxoffice.platform;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;

/**
 * Who is asking, by address: the socket's peer, or, when the peer is one of our own trusted
 * proxies (a load balancer, nginx), the first hop of its {@code X-Forwarded-For}. A header from
 * anyone else is ignored, so a client cannot pick the address it is limited by.
 */
@Component
public class ClientAddresses {

    private final List<AddressRange> trustedProxies;

    ClientAddresses(Settings settings) {
        this.trustedProxies =
                settings.trustedProxies().stream().map(AddressRange::parse).toList();
    }

    public String of(HttpServletRequest request) {
        var peer = request.getRemoteAddr();
        if (trustedProxies.isEmpty() || trustedProxies.stream().noneMatch(range -> range.contains(peer))) {
            return peer;
        }
        var forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded == null || forwarded.isBlank()) {
            return peer;
        }
        var first = forwarded.split(",", 2)[0].strip();
        return first.isEmpty() || first.length() > 45 ? peer : first;
    }

    /**
     * @param trustedProxies addresses or CIDR ranges ({@code 10.0.0.0/8}) whose {@code
     *     X-Forwarded-For} is believed; empty: none
     */
    @ConfigurationProperties("boxoffice.rate-limit")
    record Settings(@DefaultValue List<String> trustedProxies) {}
}
