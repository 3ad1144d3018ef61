package org.boxoffice.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AddressRangeTest {

    @Test
    void aSingleAddressContainsOnlyItself() {
        var range = AddressRange.parse("127.0.0.1");
        assertThat(range.contains("127.0.0.1")).isTrue();
        assertThat(range.contains("127.0.0.2")).isFalse();
    }

    @Test
    void aRangeContainsTheAddressesUnderItsPrefix() {
        var range = AddressRange.parse("10.1.0.0/15");
        assertThat(range.contains("10.0.255.255")).isTrue();
        assertThat(range.contains("10.1.2.3")).isTrue();
        assertThat(range.contains("10.2.0.0")).isFalse();
    }

    @Test
    void ipv6RangesWorkAndNeverMatchIpv4() {
        var range = AddressRange.parse("fd00::/8");
        assertThat(range.contains("fd12::1")).isTrue();
        assertThat(range.contains("10.0.0.1")).isFalse();
    }

    @Test
    void namesAreNotAddresses() {
        assertThat(AddressRange.parse("0.0.0.0/0").contains("localhost")).isFalse();
        assertThatThrownBy(() -> AddressRange.parse("proxy.example.org")).isInstanceOf(IllegalArgumentException.class);
    }
}
