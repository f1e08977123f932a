package dev.burstgitops.manifest;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Reads and sets the route weights of a named Istio VirtualService inside a YAML file,
 * editing the text surgically: a write changes the digits of the weights concerned (or
 * adds a missing {@code weight:} key) and leaves every other byte of the file as it was.
 *
 * <p>Subset names always come from the caller's policy. Weights are looked up and set on
 * every HTTP route destination ({@code spec.http[].route[]}) whose {@code destination.subset}
 * is one of them.
 */
public final class VirtualServiceWeights {

    private VirtualServiceWeights() {
    }

    /**
     * @param text           the whole file
     * @param file           its path relative to the repository, for messages
     * @param virtualService {@code metadata.name} of the VirtualService
     * @param subsets        subset names of interest; each must be routed to somewhere
     */
    public static WeightedRoutes read(String text, String file, String virtualService, Set<String> subsets)
            throws ManifestException {
        VirtualServiceSource source = new VirtualServiceSource(text, file);
        VirtualServiceDocument document = VirtualServiceLocator.find(source, virtualService);
        Map<Integer, SourceLocation> routeLocations = new LinkedHashMap<>();
        Map<Integer, Map<String, OptionalInt>> routeWeights = new LinkedHashMap<>();
        for (WeightedDestination destination : document.destinations(subsets)) {
            OptionalInt weight = destination.hasWeight()
                    ? OptionalInt.of(WeightValue.parse(destination.weight(), source))
                    : OptionalInt.empty();
            routeLocations.putIfAbsent(destination.httpIndex(), source.location(destination.httpRoute()));
            routeWeights.computeIfAbsent(destination.httpIndex(), index -> new LinkedHashMap<>())
                    .put(destination.subset(), weight);
        }
        List<WeightedRoute> result = new ArrayList<>();
        routeWeights.forEach((index, weights) -> result.add(new WeightedRoute(index, routeLocations.get(index), weights)));
        return new WeightedRoutes(virtualService, document.location(), result);
    }

    /**
     * Returns {@code text} with every destination of a subset in {@code weights} set to its
     * weight. When all already have it, returns {@code text} itself, unchanged: no edit, no
     * commit.
     *
     * @param weights subset → weight (not negative); subsets not named are left alone
     */
    public static String write(String text, String file, String virtualService, Map<String, Integer> weights)
            throws ManifestException {
        requireUsable(weights);
        VirtualServiceSource source = new VirtualServiceSource(text, file);
        VirtualServiceDocument document = VirtualServiceLocator.find(source, virtualService);
        return new WeightEditor(source).apply(document.destinations(weights.keySet()), weights);
    }

    /** {@link #read(String, String, String, Set)} on {@code repository/file} (UTF-8). */
    public static WeightedRoutes readFile(Path repository, String file, String virtualService, Set<String> subsets)
            throws ManifestException, IOException {
        return read(readText(repository, file), file, virtualService, subsets);
    }

    /**
     * {@link #write(String, String, String, Map)} on {@code repository/file}; the file is
     * rewritten only when its text changes.
     *
     * @return whether the file changed
     */
    public static boolean writeFile(Path repository, String file, String virtualService, Map<String, Integer> weights)
            throws ManifestException, IOException {
        String before = readText(repository, file);
        String after = write(before, file, virtualService, weights);
        if (after.equals(before)) {
            return false;
        }
        Files.writeString(resolve(repository, file), after, StandardCharsets.UTF_8);
        return true;
    }

    private static String readText(Path repository, String file) throws ManifestException, IOException {
        try {
            // Decoded as is: a byte order mark stays in the text and so survives a write.
            return Files.readString(resolve(repository, file), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ManifestException(SourceLocation.of(file), "no such file in the repository", e);
        } catch (CharacterCodingException e) {
            throw new ManifestException(SourceLocation.of(file), "not UTF-8 text", e);
        }
    }

    private static Path resolve(Path repository, String file) throws ManifestException {
        Path root = repository.toAbsolutePath().normalize();
        Path resolved = root.resolve(file).normalize();
        if (!resolved.startsWith(root)) {
            throw new ManifestException(SourceLocation.of(file), "the path leaves the repository");
        }
        return resolved;
    }

    private static void requireUsable(Map<String, Integer> weights) {
        if (weights.isEmpty()) {
            throw new IllegalArgumentException("no subset weights to write");
        }
        weights.forEach((subset, weight) -> {
            if (weight == null || weight < 0) {
                throw new IllegalArgumentException("weight of subset '" + subset + "' must be 0 or more, was " + weight);
            }
        });
    }
}
