package dev.burstgitops.testing;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** One commit as {@code git log} prints it; trailers are the raw {@code Key: value} lines. */
public record GitLoggedCommit(
        String id, List<String> parents, String authorName, String authorEmail, Instant authorTime,
        String committerName, String committerEmail, Instant committerTime, String subject,
        List<String> trailers) {

    static GitLoggedCommit parse(String record) {
        String[] fields = record.split("\u0000", -1);
        return new GitLoggedCommit(
                fields[0],
                fields[1].isBlank() ? List.of() : List.of(fields[1].split(" ")),
                fields[2], fields[3], Instant.ofEpochSecond(Long.parseLong(fields[4])),
                fields[5], fields[6], Instant.ofEpochSecond(Long.parseLong(fields[7])),
                fields[8],
                Arrays.stream(fields[9].split("\n")).map(String::strip).filter(line -> !line.isEmpty()).toList());
    }

    /** The values of one trailer key, in order. */
    public List<String> trailerValues(String key) {
        String prefix = key + ":";
        return trailers.stream()
                .filter(line -> line.regionMatches(true, 0, prefix, 0, prefix.length()))
                .map(line -> line.substring(prefix.length()).strip())
                .toList();
    }
}
