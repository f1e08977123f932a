package dev.burstgitops.gitops.forge;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An HTML comment at the end of a pull request's body naming the proposal it carries, e.g.
 * {@code <!-- burst-gitops proposal 3f2a1c9e0b4d -->}. Forges render comments invisibly but
 * return them in the API, so the forge itself remembers which proposal a pull request made: after
 * a restart the controller can still tell that a person closed this very proposal. The
 * controller strips the marker from the pull requests it closes itself, so that only a person's
 * closing counts as turning the proposal down.
 */
public final class ProposalMarker {

    private static final Pattern MARKER = Pattern.compile("\\n*<!-- burst-gitops proposal ([0-9a-f]{6,64}) -->\\s*$");

    private ProposalMarker() {
    }

    /** {@code body} with the marker for {@code key} appended (after removing any earlier marker). */
    public static String append(String body, String key) {
        String text = strip(body);
        return (text.isEmpty() ? "" : text + "\n\n") + "<!-- burst-gitops proposal " + key + " -->";
    }

    /** The key of the proposal {@code body} carries, if it carries one. */
    public static Optional<String> keyOf(String body) {
        Matcher matcher = MARKER.matcher(body.replace("\r\n", "\n"));
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    /** {@code body} without its marker. */
    public static String strip(String body) {
        return MARKER.matcher(body.replace("\r\n", "\n")).replaceFirst("").strip();
    }
}
