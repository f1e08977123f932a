package dev.burstgitops.sync;

import io.fabric8.kubernetes.api.model.APIGroup;
import io.fabric8.kubernetes.api.model.GroupVersionForDiscovery;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where to address an object the inventory recorded at a version the cluster no longer serves: the
 * same group and kind at the group's preferred version, else at any version it serves. A CRD that
 * dropped {@code v1} for {@code v2} still stores the object, so prune must still reach it; only a
 * group and kind served at no version at all is gone, and its objects with it.
 */
final class ServedVersions {

    private final KubernetesClient client;
    private final ServedKinds servedKinds;

    ServedVersions(KubernetesClient client, ServedKinds servedKinds) {
        this.client = client;
        this.servedKinds = servedKinds;
    }

    /** {@code kind} at {@code apiVersion}, else at another version of its group; empty when served at none. */
    Optional<ResourceDefinitionContext> find(String apiVersion, String kind) {
        Optional<ResourceDefinitionContext> asRecorded = servedKinds.find(apiVersion, kind);
        int slash = apiVersion.indexOf('/');
        if (asRecorded.isPresent() || slash < 0) {
            return asRecorded;
        }
        String group = apiVersion.substring(0, slash);
        for (String groupVersion : versions(group)) {
            Optional<ResourceDefinitionContext> found = groupVersion.equals(apiVersion) ? Optional.empty()
                    : servedKinds.find(groupVersion, kind);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** The group's versions, the preferred one first ("example.com/v2", ...). */
    private List<String> versions(String group) {
        APIGroup served;
        try {
            served = client.getApiGroup(group);
        } catch (KubernetesClientException e) {
            if (e.getCode() == 404) {
                return List.of();
            }
            throw e;
        }
        List<String> versions = new ArrayList<>();
        if (served == null) {
            return versions;
        }
        if (served.getPreferredVersion() != null) {
            versions.add(served.getPreferredVersion().getGroupVersion());
        }
        served.getVersions().stream().map(GroupVersionForDiscovery::getGroupVersion)
                .filter(version -> !versions.contains(version)).forEach(versions::add);
        return versions;
    }
}
