package org.boxoffice.analytics.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.boxoffice.analytics.Analytics;
import org.boxoffice.analytics.SalesReport;
import org.boxoffice.platform.ProblemCodes;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

@RestController
@RequestMapping("/api/v1/admin/events/{eventId}")
@Tag(name = "Sales analytics", description = "Live sales per zone and the sold-ticket export; administrators only")
class AnalyticsController {

    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final Analytics analytics;

    AnalyticsController(Analytics analytics) {
        this.analytics = analytics;
    }

    @ProblemCodes({"401 UNAUTHORIZED", "403 FORBIDDEN", "404 EVENT_NOT_FOUND"})
    @GetMapping("/sales")
    @Operation(
            summary = "Sales per zone, revenue and a per-minute timeline",
            description = "Per zone capacity = available + held + sold, as the event detail counts them. Revenue "
                    + "and the timeline count orders that are paid now (a refund takes its order out). The answer "
                    + "may lag a change by up to a second: it is computed at most once a second per event.")
    @ApiResponse(responseCode = "200", description = "The sales report")
    @ApiResponse(responseCode = "404", description = "EVENT_NOT_FOUND")
    SalesReport sales(@PathVariable UUID eventId) {
        return analytics.sales(eventId);
    }

    @ProblemCodes({"401 UNAUTHORIZED", "403 FORBIDDEN", "404 EVENT_NOT_FOUND"})
    @GetMapping("/sales.csv")
    @Operation(
            summary = "Every sold ticket as CSV",
            description = "text/csv (RFC 4180, CRLF): a header line orderId,ticketId,zone,seat,code,price,currency,"
                    + "userId,paidAt, then one line per ticket of a paid order in order of payment; price in minor "
                    + "units, seat empty for general admission, code the e-ticket's. Streamed as it is read.")
    @ApiResponse(responseCode = "200", description = "The CSV")
    @ApiResponse(responseCode = "404", description = "EVENT_NOT_FOUND")
    ResponseEntity<StreamingResponseBody> salesCsv(@PathVariable UUID eventId) {
        var export = analytics.salesExport(eventId);
        var attachment = ContentDisposition.attachment()
                .filename("sales-" + eventId + ".csv")
                .build();
        return ResponseEntity.ok()
                .contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment.toString())
                .body(export::writeTo);
    }
}
