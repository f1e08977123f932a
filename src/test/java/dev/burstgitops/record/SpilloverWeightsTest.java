package dev.burstgitops.record;

import static org.assertj.core.api.Assertions.assertThat;

import dev.burstgitops.config.VirtualServiceConfig;
import dev.burstgitops.manifest.SourceLocation;
import dev.burstgitops.manifest.WeightedRoute;
import dev.burstgitops.manifest.WeightedRoutes;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class SpilloverWeightsTest {

    private static final VirtualServiceConfig VS = new VirtualServiceConfig("vs.yaml", "worker-virtual-service",
            "primary", "burst", new VirtualServiceConfig.WeightPair(100, 0), new VirtualServiceConfig.WeightPair(0, 100));

    private static WeightedRoutes routes(int[]... primaryBurst) {
        List<WeightedRoute> routes = Arrays.stream(primaryBurst).map(pair -> {
            Map<String, OptionalInt> weights = new LinkedHashMap<>();
            weights.put("primary", pair[0] < 0 ? OptionalInt.empty() : OptionalInt.of(pair[0]));
            weights.put("burst", OptionalInt.of(pair[1]));
            return new WeightedRoute(0, SourceLocation.of("vs.yaml"), weights);
        }).toList();
        return new WeightedRoutes("worker-virtual-service", SourceLocation.of("vs.yaml"), routes);
    }

    @Test
    void theShareIsTheBurstWeightWhenEveryRouteSplitsTheSameWay() {
        assertThat(SpilloverWeights.shareOf(VS, routes(new int[] {60, 40}, new int[] {60, 40})))
                .isEqualTo(OptionalInt.of(40));
        assertThat(SpilloverWeights.shareOf(VS, routes(new int[] {100, 0}))).isEqualTo(OptionalInt.of(0));
    }

    @Test
    void routesThatDisagreeOrDoNotAddUpToOneHundredHoldNoShare() {
        assertThat(SpilloverWeights.shareOf(VS, routes(new int[] {60, 40}, new int[] {70, 30}))).isEmpty();
        assertThat(SpilloverWeights.shareOf(VS, routes(new int[] {50, 40}))).isEmpty();
        assertThat(SpilloverWeights.shareOf(VS, routes(new int[] {-1, 40}))).isEmpty();
    }

    @Test
    void aShareIsWrittenAsPrimaryTheRestAndBurstTheShare() {
        assertThat(SpilloverWeights.of(VS, 40)).containsExactly(Map.entry("primary", 60), Map.entry("burst", 40));
    }
}
