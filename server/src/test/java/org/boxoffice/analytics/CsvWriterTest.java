package org.boxoffice.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvWriterTest {

    @Test
    void plainFieldsAreWrittenAsTheyAreAndRecordsEndWithCrLf() throws IOException {
        assertThat(write(List.of("a", 42L, "KZT"), List.of("b", 0L, ""))).isEqualTo("a,42,KZT\r\nb,0,\r\n");
    }

    @Test
    void aFieldWithACommaQuoteCrOrLfIsQuotedWithItsQuotesDoubled() throws IOException {
        var awkward = Arrays.<Object>asList("Smith, \"Jr\"", "two\nlines", "cr\rhere", "plain");

        assertThat(write(awkward)).isEqualTo("\"Smith, \"\"Jr\"\"\",\"two\nlines\",\"cr\rhere\",plain\r\n");
    }

    @Test
    void aNullFieldIsEmpty() throws IOException {
        assertThat(write(Arrays.asList("order", null, "FLOOR"))).isEqualTo("order,,FLOOR\r\n");
    }

    @Test
    void aLoneQuoteIsQuotedToo() {
        assertThat(CsvWriter.escape("\"")).isEqualTo("\"\"\"\"");
        assertThat(CsvWriter.escape("")).isEmpty();
        assertThat(CsvWriter.escape("GOLD-12-7")).isEqualTo("GOLD-12-7");
    }

    private static String write(List<?>... records) throws IOException {
        var text = new StringWriter();
        var csv = new CsvWriter(text);
        for (var record : records) {
            csv.record(record);
        }
        csv.flush();
        return text.toString();
    }
}
