package org.boxoffice.platform;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/** One address or a CIDR range of them, IPv4 or IPv6. */
record AddressRange(byte[] network, int prefixLength) {

    static AddressRange parse(String text) {
        var parts = text.strip().split("/", 2);
        var network = literal(parts[0]);
        if (network == null) {
            throw new IllegalArgumentException("Not an IP address: " + text);
        }
        int bits = network.length * 8;
        int prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : bits;
        if (prefix < 0 || prefix > bits) {
            throw new IllegalArgumentException("Not a prefix length for " + text);
        }
        return new AddressRange(network, prefix);
    }

    boolean contains(String address) {
        var candidate = literal(address);
        if (candidate == null || candidate.length != network.length) {
            return false;
        }
        int whole = prefixLength / 8;
        if (!Arrays.equals(candidate, 0, whole, network, 0, whole)) {
            return false;
        }
        int rest = prefixLength % 8;
        if (rest == 0) {
            return true;
        }
        int mask = 0xFF << (8 - rest) & 0xFF;
        return (candidate[whole] & mask) == (network[whole] & mask);
    }

    /** The bytes of an address literal; never a name lookup. */
    private static byte @Nullable [] literal(String text) {
        if (text.isEmpty() || !text.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == '.' || c == ':')) {
            return null;
        }
        try {
            return InetAddress.getByName(text).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
