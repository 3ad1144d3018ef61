package org.boxoffice.identity;

/** What login answers: {@code {accessToken, tokenType: "Bearer", expiresIn}} (seconds). */
public record AccessToken(String accessToken, String tokenType, long expiresIn) {}
