package dev.burstgitops.gitops.forge;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import okhttp3.HttpUrl;

/**
 * Enables auto-merge on a GitHub pull request. GitHub offers this only as the GraphQL mutation
 * {@code enablePullRequestAutoMerge}, addressed by the pull request's {@code node_id}; the REST
 * API has no equivalent. GitHub refuses it unless the repository allows auto-merge and the base
 * branch has a protection rule with pending requirements; that refusal is a normal
 * {@link AutoMerge.Refused}, since the pull request itself was opened.
 *
 * <p>GraphQL answers its errors with HTTP 200 and an {@code errors} array, so both the HTTP
 * status and the body are checked. The merge method is left to GitHub's default (a merge commit).
 */
final class GitHubAutoMerge {

    static final String MUTATION = """
            mutation EnableAutoMerge($pullRequestId: ID!) {
              enablePullRequestAutoMerge(input: {pullRequestId: $pullRequestId}) {
                pullRequest { number autoMergeRequest { enabledAt } }
              }
            }""";

    private final ForgeHttp http;

    GitHubAutoMerge(ForgeHttp http) {
        this.http = Objects.requireNonNull(http, "http");
    }

    AutoMerge enable(String pullRequestNodeId) {
        try {
            ForgeAnswer answer = http.send("POST", graphqlUrl(http.root()),
                    Map.of("query", MUTATION, "variables", Map.of("pullRequestId", pullRequestNodeId)));
            List<String> errors = messages(answer.json().path("errors"));
            return errors.isEmpty() ? AutoMerge.enabled() : AutoMerge.refused(answer.redact(String.join("; ", errors)));
        } catch (ForgeException e) {
            // Even a retriable failure is reported, not thrown: the pull request is open, and a
            // retry of open() would find it and never ask for auto-merge again.
            return AutoMerge.refused(e.getMessage());
        }
    }

    /**
     * GraphQL sits beside REST: {@code https://api.github.com/graphql}, and on GitHub Enterprise
     * Server {@code https://HOST/api/graphql} next to {@code https://HOST/api/v3}.
     */
    static HttpUrl graphqlUrl(HttpUrl restRoot) {
        List<String> segments = new ArrayList<>(restRoot.pathSegments());
        segments.removeIf(String::isEmpty);
        if (segments.size() >= 2 && segments.get(segments.size() - 1).equals("v3")
                && segments.get(segments.size() - 2).equals("api")) {
            segments.remove(segments.size() - 1);
        }
        HttpUrl.Builder url = restRoot.newBuilder().encodedPath("/");
        segments.forEach(url::addPathSegment);
        return url.addPathSegment("graphql").build();
    }

    private static List<String> messages(JsonNode errors) {
        List<String> messages = new ArrayList<>();
        errors.forEach(error -> messages.add(error.path("message").asText(error.toString())));
        return messages;
    }
}
