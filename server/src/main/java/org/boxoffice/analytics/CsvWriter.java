package org.boxoffice.analytics;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Writes records as RFC 4180 CSV: fields separated by commas, records ended by CRLF, and a field
 * that holds a comma, a double quote, CR or LF put in double quotes with its quotes doubled. A
 * null field is written empty. Buffering is the caller's {@link Writer}'s business.
 */
final class CsvWriter {

    private static final String LINE_END = "\r\n";

    private final Writer out;

    CsvWriter(Writer out) {
        this.out = out;
    }

    void record(List<? extends @Nullable Object> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            var field = fields.get(i);
            if (field != null) {
                out.write(escape(field.toString()));
            }
        }
        out.write(LINE_END);
    }

    void flush() throws IOException {
        out.flush();
    }

    static String escape(String field) {
        if (!needsQuotes(field)) {
            return field;
        }
        return '"' + field.replace("\"", "\"\"") + '"';
    }

    private static boolean needsQuotes(String field) {
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == ',' || c == '"' || c == '\r' || c == '\n') {
                return true;
            }
        }
        return false;
    }
}
