package org.boxoffice.catalog;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The WHERE clause of an event search, built from the criteria that are given. */
record EventFilter(
        @Nullable EventKind kind,
        @Nullable String text,
        @Nullable Instant from,
        @Nullable Instant to,
        boolean includeDrafts) {

    static EventFilter of(EventQuery query, Viewer viewer) {
        var text = query.text() == null || query.text().isBlank()
                ? null
                : query.text().strip();
        return new EventFilter(query.kind(), text, query.from(), query.to(), viewer.admin());
    }

    /** {@code WHERE ...} over the alias {@code e} for table {@code event}; empty when nothing filters. */
    String where() {
        var conditions = new ArrayList<String>();
        if (!includeDrafts) {
            conditions.add("e.status <> 'DRAFT'");
        }
        if (kind != null) {
            conditions.add("e.kind = :kind");
        }
        if (text != null) {
            conditions.add("e.title ILIKE '%' || :text || '%'");
        }
        if (from != null) {
            conditions.add("e.starts_at >= :from");
        }
        if (to != null) {
            conditions.add("e.starts_at < :to");
        }
        return conditions.isEmpty() ? "" : "WHERE " + String.join(" AND ", conditions) + "\n";
    }

    Map<String, Object> parameters() {
        var parameters = new HashMap<String, Object>();
        if (kind != null) {
            parameters.put("kind", kind.name());
        }
        if (text != null) {
            parameters.put("text", escapeLike(text));
        }
        if (from != null) {
            parameters.put("from", OffsetDateTime.ofInstant(from, ZoneOffset.UTC));
        }
        if (to != null) {
            parameters.put("to", OffsetDateTime.ofInstant(to, ZoneOffset.UTC));
        }
        return parameters;
    }

    /** The text matched literally: {@code %} and {@code _} typed by a visitor are no wildcards. */
    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
