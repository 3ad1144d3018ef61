package org.boxoffice.simulator;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import tools.jackson.databind.json.JsonMapper;

/**
 * The simulators' own HTTP server (the JDK's), apart from the application's. Each request is
 * served on a virtual thread, so thousands of slow simulated answers cost no platform threads.
 */
final class SimulatorServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService requests;

    private SimulatorServer(HttpServer server, ExecutorService requests) {
        this.server = server;
        this.requests = requests;
    }

    static SimulatorServer start(
            InetSocketAddress address, PaymentSimulator payments, AirlineSimulator airline, PartnerSimulator partner) {
        var json = JsonMapper.builder().build();
        try {
            var server = HttpServer.create(address, 1024);
            var requests = Executors.newVirtualThreadPerTaskExecutor();
            server.setExecutor(requests);
            server.createContext(PaymentProviderApi.PATH, new JsonRoute(json, new PaymentProviderApi(payments)));
            server.createContext(PaymentControlApi.PATH, new JsonRoute(json, new PaymentControlApi(payments)));
            server.createContext(AirlineReservationsApi.PATH, new JsonRoute(json, new AirlineReservationsApi(airline)));
            server.createContext(AirlineControlApi.PATH, new JsonRoute(json, new AirlineControlApi(airline)));
            server.createContext(PartnerVenueApi.PATH, new JsonRoute(json, new PartnerVenueApi(partner)));
            server.createContext(PartnerControlApi.PATH, new JsonRoute(json, new PartnerControlApi(partner)));
            server.start();
            return new SimulatorServer(server, requests);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the simulators on " + address, e);
        }
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** The URL other processes on this machine reach the simulators at. */
    URI baseUrl() {
        var address = server.getAddress().getAddress();
        var host = address.isAnyLocalAddress() ? "127.0.0.1" : address.getHostAddress();
        return URI.create("http://" + host + ":" + port());
    }

    @Override
    public void close() {
        server.stop(0);
        // Interrupts requests still sleeping through their latency or hanging without an answer.
        requests.shutdownNow();
    }
}
