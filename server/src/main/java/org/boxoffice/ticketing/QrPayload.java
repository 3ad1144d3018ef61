package org.boxoffice.ticketing;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * What a QR code says: {@code BX1.<data>.<signature>}, where data is base64url of ticket id (16
 * bytes), event id (16 bytes) and the ticket code (ASCII), and the signature is Ed25519 over the
 * ASCII text {@code BX1.<data>}. A scanner verifies it offline with the key from
 * {@code /checkin/keys}.
 */
record QrPayload(UUID ticketId, UUID eventId, String code) {

    static final String VERSION = "BX1";
    private static final int IDS = 32;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    /** The signed part: {@code BX1.<data>}. */
    String signedText() {
        var code = this.code.getBytes(StandardCharsets.US_ASCII);
        var data = ByteBuffer.allocate(IDS + code.length)
                .putLong(ticketId.getMostSignificantBits())
                .putLong(ticketId.getLeastSignificantBits())
                .putLong(eventId.getMostSignificantBits())
                .putLong(eventId.getLeastSignificantBits())
                .put(code)
                .array();
        return VERSION + "." + ENCODER.encodeToString(data);
    }

    String withSignature(byte[] signature) {
        return signedText() + "." + ENCODER.encodeToString(signature);
    }

    /** The payload and signature of a scanned text, or empty when it is not one of ours. */
    static Optional<Scanned> parse(String qr) {
        var parts = qr.split("\\.", -1);
        if (parts.length != 3 || !VERSION.equals(parts[0])) {
            return Optional.empty();
        }
        try {
            var data = ByteBuffer.wrap(DECODER.decode(parts[1]));
            if (data.remaining() <= IDS) {
                return Optional.empty();
            }
            var ticketId = new UUID(data.getLong(), data.getLong());
            var eventId = new UUID(data.getLong(), data.getLong());
            var code = new byte[data.remaining()];
            data.get(code);
            var payload = new QrPayload(ticketId, eventId, new String(code, StandardCharsets.US_ASCII));
            return Optional.of(new Scanned(payload, parts[0] + "." + parts[1], DECODER.decode(parts[2])));
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }

    /** A parsed QR text: what it claims, the exact text that was signed, and the signature. */
    record Scanned(QrPayload payload, String signedText, byte[] signature) {}
}
