package org.boxoffice.loadtest.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Gets an access token for each traveler through {@code POST /admin/tokens}, in batches. The API
 * allows 10,000 emails per call, but a server's body-size limit may allow fewer: a {@code 413}
 * halves the batch and sends it again.
 */
final class TokenMinting {

    /** The travelers who have a token, and how many of those asked for do not exist. */
    record Minted(List<Traveler> travelers, int missing) {}

    private final BoxofficeApi api;
    private final String adminToken;

    TokenMinting(BoxofficeApi api, String adminToken) {
        this.api = api;
        this.adminToken = adminToken;
    }

    Minted mint(int travelers, int batchSize) throws InterruptedException {
        var numbers = IntStream.rangeClosed(1, travelers).boxed().toList();
        var minted = new ArrayList<Traveler>(travelers);
        int batch = batchSize;
        for (int from = 0; from < numbers.size(); ) {
            var slice = numbers.subList(from, Math.min(from + batch, numbers.size()));
            var emails = slice.stream().map(Traveler::email).toList();
            var tokens = api.mintTokens(adminToken, emails);
            if (tokens == null) {
                if (batch == 1) {
                    throw new ScenarioFailure("The server refuses even a single email as too large.");
                }
                batch = Math.max(1, batch / 2);
                continue;
            }
            for (var number : slice) {
                var token = tokens.get(Traveler.email(number));
                if (token != null) {
                    minted.add(new Traveler(number, Traveler.email(number), token));
                }
            }
            from += slice.size();
        }
        return new Minted(List.copyOf(minted), travelers - minted.size());
    }
}
