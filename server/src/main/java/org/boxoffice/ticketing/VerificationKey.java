package org.boxoffice.ticketing;

/**
 * A key that verifies QR signatures offline.
 *
 * @param publicKey base64 of the X.509 SubjectPublicKeyInfo (DER) encoding
 */
public record VerificationKey(String kid, String alg, String publicKey) {}
