package dev.burstgitops.gitops.forge;

import dev.burstgitops.config.Secret;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * Builds the {@link PullRequestProvider} for {@code git.pullRequest}: the adapter named by
 * {@code provider}, wrapped in a {@link ForgeRetry}.
 *
 * <p>{@code apiUrl} is what the forge's own documentation calls its address:
 * <ul>
 *   <li>github: the REST root, {@code https://api.github.com} or {@code https://HOST/api/v3};</li>
 *   <li>gitea (also Forgejo): the forge root, {@code https://gitea.example.com};
 *       {@code /api/v1} is appended;</li>
 *   <li>gitlab: the instance root, {@code https://gitlab.example.com}; {@code /api/v4} is appended.</li>
 * </ul>
 * An apiUrl that already ends in {@code /api/v1} or {@code /api/v4} is taken as is, since that
 * is an easy thing to paste from the forge's API page.
 */
public final class PullRequestProviders {

    public static final List<String> NAMES = List.of(
            GitHubPullRequests.PROVIDER, GiteaPullRequests.PROVIDER, GitLabMergeRequests.PROVIDER);

    /**
     * One connection pool for every forge client; each call is bounded as a whole. Redirects are
     * not followed: OkHttp drops {@code Authorization} on a redirect to another host but would
     * carry GitLab's {@code PRIVATE-TOKEN} along, and an API that redirects is misconfigured anyway.
     */
    private static final OkHttpClient SHARED = new OkHttpClient.Builder()
            .callTimeout(Duration.ofSeconds(30))
            .followRedirects(false)
            .followSslRedirects(false)
            .build();

    private PullRequestProviders() {
    }

    /**
     * @param repository {@code owner/name} for github and gitea; the project path
     *                   ({@code group/sub/project}) or numeric id for gitlab
     * @param autoMerge  ask the forge to merge each opened pull request once its checks pass
     */
    public static PullRequestProvider create(String provider, URI apiUrl, String repository, Secret token,
                                             boolean autoMerge) {
        return create(provider, apiUrl, repository, token, autoMerge, ForgeRetry.standard(), Clock.systemUTC());
    }

    /** As above, with the retry and the clock (which dates rate-limit resets) chosen by the caller. */
    public static PullRequestProvider create(String provider, URI apiUrl, String repository, Secret token,
                                             boolean autoMerge, ForgeRetry retry, Clock clock) {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(retry, "retry");
        HttpUrl root = httpUrl(apiUrl);
        PullRequestProvider adapter;
        switch (provider) {
            case GitHubPullRequests.PROVIDER:
                adapter = new GitHubPullRequests(http(provider, root, ForgeAuth.bearer(token),
                        GitHubPullRequests.API_HEADERS, clock), OwnerAndName.parse(repository), autoMerge);
                break;
            case GiteaPullRequests.PROVIDER:
                adapter = new GiteaPullRequests(http(provider, below(root, "api", "v1"), ForgeAuth.giteaToken(token),
                        GiteaPullRequests.API_HEADERS, clock), OwnerAndName.parse(repository), autoMerge);
                break;
            case GitLabMergeRequests.PROVIDER:
                adapter = new GitLabMergeRequests(http(provider, below(root, "api", "v4"), ForgeAuth.privateToken(token),
                        GitLabMergeRequests.API_HEADERS, clock), repository, autoMerge);
                break;
            default:
                throw new IllegalArgumentException("unknown pull-request provider \"" + provider + "\"; expected one of "
                        + String.join(", ", NAMES));
        }
        return new RetryingPullRequestProvider(adapter, retry);
    }

    private static ForgeHttp http(String provider, HttpUrl root, ForgeAuth auth, Headers headers, Clock clock) {
        return new ForgeHttp(provider, root, auth, headers, SHARED, clock);
    }

    private static HttpUrl httpUrl(URI apiUrl) {
        HttpUrl url = apiUrl == null ? null : HttpUrl.parse(apiUrl.toString());
        if (url == null) {
            throw new IllegalArgumentException("pull-request apiUrl must be an http or https URL: " + apiUrl);
        }
        if (!url.username().isEmpty() || url.query() != null) {
            // The token belongs in tokenFile; a URL ends up in logs and error messages.
            throw new IllegalArgumentException("pull-request apiUrl must not carry credentials or a query");
        }
        return url;
    }

    /** {@code root} with {@code api/vN} appended, unless it already ends so. */
    private static HttpUrl below(HttpUrl root, String api, String version) {
        List<String> segments = root.pathSegments();
        int last = segments.get(segments.size() - 1).isEmpty() ? segments.size() - 2 : segments.size() - 1;
        if (last >= 1 && segments.get(last).equals(version) && segments.get(last - 1).equals(api)) {
            return root;
        }
        return root.newBuilder().addPathSegment(api).addPathSegment(version).build();
    }
}
