package org.boxoffice.platform;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;

/**
 * Reads a money amount strictly: a JSON integer and nothing else. Jackson would otherwise cut
 * {@code 1.5} down to {@code 1} and read {@code "12"} as 12; a price is never a guess.
 */
final class WholeMinorUnits extends ValueDeserializer<Long> {

    @Override
    public Long deserialize(JsonParser parser, DeserializationContext context) {
        if (parser.currentToken() != JsonToken.VALUE_NUMBER_INT) {
            return context.reportInputMismatch(Long.class, "An amount is a whole number of minor units.");
        }
        return parser.getLongValue();
    }
}
