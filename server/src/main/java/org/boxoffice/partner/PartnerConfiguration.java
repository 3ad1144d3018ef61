package org.boxoffice.partner;

import java.time.Clock;
import org.boxoffice.simulator.SimulatorEndpoint;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class PartnerConfiguration {

    @Bean
    HttpReservationSystem reservationSystem(
            AirlineSettings settings, ObjectProvider<SimulatorEndpoint> simulator, JsonMapper json) {
        var baseUrl = settings.baseUrl();
        if (baseUrl == null) {
            var endpoint = simulator.getIfAvailable();
            if (endpoint == null) {
                throw new IllegalStateException(
                        "Set boxoffice.airline.base-url, or keep boxoffice.simulator.enabled for the simulated airline");
            }
            baseUrl = endpoint.airline();
        }
        return new HttpReservationSystem(baseUrl, new JsonHttp("the airline", settings.connectTimeout(), json));
    }

    @Bean
    HttpPartnerBoxOffice partnerBoxOffice(PartnerSettings settings, JsonMapper json) {
        return new HttpPartnerBoxOffice(new JsonHttp("the partner venue", settings.connectTimeout(), json));
    }

    @Bean
    PartnerUrls partnerUrls(PartnerSettings settings, ObjectProvider<SimulatorEndpoint> simulator) {
        if (settings.simulatorUrl() != null) {
            return new PartnerUrls(settings.simulatorUrl());
        }
        var endpoint = simulator.getIfAvailable();
        return new PartnerUrls(endpoint == null ? null : endpoint.partnerVenues());
    }

    @Bean
    SeatCache seatCache(PartnerSettings settings, Clock clock) {
        return new SeatCache(settings.cacheTtl(), clock);
    }
}
