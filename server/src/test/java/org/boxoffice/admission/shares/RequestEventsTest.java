package org.boxoffice.admission.shares;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.mock.web.MockHttpServletRequest;
import tools.jackson.databind.json.JsonMapper;

class RequestEventsTest {

    private static final String EVENT = "5f0c6c8e-8a4e-4d55-9a3c-0d2f5b0e7a11";

    private final RequestEvents events = new RequestEvents(JsonMapper.builder().build());

    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @CsvSource(
            delimiter = '|',
            nullValues = "none",
            value = {
                "GET    | /api/v1/events/" + EVENT + "                | none                                  | "
                        + EVENT,
                "GET    | /api/v1/events/" + EVENT + "/seats          | none                                  | "
                        + EVENT,
                "POST   | /api/v1/events/" + EVENT + "/queue          | none                                  | "
                        + EVENT,
                "GET    | /api/v1/events/" + EVENT + "/stream         | none                                  | none",
                "GET    | /api/v1/events                               | none                                  | none",
                "GET    | /api/v1/events/not-an-id                     | none                                  | none",
                "POST   | /api/v1/orders                               | {\"eventId\":\"" + EVENT
                        + "\",\"quantity\":1} | " + EVENT,
                "POST   | /api/v1/orders                               | {\"quantity\":1}                      | none",
                "POST   | /api/v1/orders                               | {\"seats\":[{\"zone\":\"A\"}],\"mode\":{\"eventId\":\"x\"},"
                        + "\"eventId\":\"" + EVENT + "\"} | " + EVENT,
                "POST   | /api/v1/orders                               | {\"eventId\":\"9f0c6c8e-8a4e-4d55-9a3c-0d2f5b0e7a11\","
                        + "\"eventId\":\"" + EVENT + "\"} | " + EVENT,
                "POST   | /api/v1/orders                               | {\"eventId\":\"" + EVENT
                        + "\",\"eventId\":7} | none",
                "POST   | /api/v1/orders                               | {\"eventId\":42}                    | none",
                "POST   | /api/v1/orders                               | [\"" + EVENT + "\"]                  | none",
                "POST   | /api/v1/orders                               | {\"eventId\":\"nope\"}                | none",
                "POST   | /api/v1/orders                               | not json                              | none",
                "GET    | /api/v1/orders                               | none                                  | none",
                "POST   | /api/v1/orders/" + EVENT + "/pay             | {\"eventId\":\"" + EVENT + "\"}       | none",
            })
    void namesTheEventOfAHoldOrOfTheEventsOwnPaths(String method, String path, String body, String event)
            throws Exception {
        var request = new MockHttpServletRequest(method, path);
        if (body != null) {
            request.setContent(body.getBytes(StandardCharsets.UTF_8));
        }

        var named = events.of(request);

        assertThat(named).isEqualTo(Optional.ofNullable(event).map(UUID::fromString));
    }
}
