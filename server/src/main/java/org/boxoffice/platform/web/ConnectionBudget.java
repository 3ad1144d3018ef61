package org.boxoffice.platform.web;

import org.apache.coyote.AbstractProtocol;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * How many connections Tomcat keeps open at once, when {@code server.tomcat.max-connections} is not
 * set: as many as half the heap holds at {@value #BYTES_PER_CONNECTION} bytes each (an open live
 * stream was measured at about 110 KB of heap), between {@value #FEWEST} and {@value #MOST}. A
 * crowd larger than that waits in the operating system's accept queue, or is refused there,
 * instead of growing the heap until the server stops answering anyone: with a 1 GB heap, 16,384
 * open connections did that.
 */
@Component
class ConnectionBudget implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    private static final Logger log = LoggerFactory.getLogger(ConnectionBudget.class);

    static final long BYTES_PER_CONNECTION = 96 * 1024;
    static final int FEWEST = 1_000;
    static final int MOST = 16_384;

    private final Environment environment;

    ConnectionBudget(Environment environment) {
        this.environment = environment;
    }

    /** The connections a heap of {@code maxHeapBytes} carries. */
    static int forHeap(long maxHeapBytes) {
        long fit = maxHeapBytes / 2 / BYTES_PER_CONNECTION;
        return Math.clamp(fit, FEWEST, MOST);
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        if (environment.containsProperty("server.tomcat.max-connections")) {
            return;
        }
        int connections = forHeap(Runtime.getRuntime().maxMemory());
        log.info(
                "Accepting at most {} connections at once (half the heap; server.tomcat.max-connections sets it)",
                connections);
        factory.addConnectorCustomizers(connector -> {
            if (connector.getProtocolHandler() instanceof AbstractProtocol<?> protocol) {
                protocol.setMaxConnections(connections);
            }
        });
    }

    /** After Boot's own customizer, which sets its default of 8,192. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
