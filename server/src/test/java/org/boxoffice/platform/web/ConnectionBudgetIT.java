package org.boxoffice.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.coyote.AbstractProtocol;
import org.boxoffice.testing.BoxofficeIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

@BoxofficeIT
class ConnectionBudgetIT {

    @Autowired
    WebServerApplicationContext context;

    @Test
    void theServerAcceptsAsManyConnectionsAsHalfItsHeapHolds() {
        var tomcat = ((TomcatWebServer) context.getWebServer()).getTomcat();
        var protocol = (AbstractProtocol<?>) tomcat.getConnector().getProtocolHandler();

        assertThat(protocol.getMaxConnections())
                .isEqualTo(ConnectionBudget.forHeap(Runtime.getRuntime().maxMemory()))
                .isNotEqualTo(8_192);
    }

    @Test
    void aHeapOfOneGigabyteCarriesFiveThousandConnectionsAndTheBudgetStaysWithinBounds() {
        assertThat(ConnectionBudget.forHeap(1L << 30)).isEqualTo(5_461);
        assertThat(ConnectionBudget.forHeap(32L << 20)).isEqualTo(ConnectionBudget.FEWEST);
        assertThat(ConnectionBudget.forHeap(64L << 30)).isEqualTo(ConnectionBudget.MOST);
    }
}
