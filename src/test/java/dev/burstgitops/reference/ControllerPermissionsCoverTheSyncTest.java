package dev.burstgitops.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The RBAC is narrow, but not too narrow: every object the controller applies is covered by a rule that lets it
 * read and server-side apply that object, in that namespace, by that name.
 */
class ControllerPermissionsCoverTheSyncTest {
    private static final Map<String, String[]> RESOURCE_OF_KIND = Map.ofEntries(
            Map.entry("Namespace", new String[] {"", "namespaces"}),
            Map.entry("ServiceAccount", new String[] {"", "serviceaccounts"}),
            Map.entry("Service", new String[] {"", "services"}),
            Map.entry("ConfigMap", new String[] {"", "configmaps"}),
            Map.entry("Deployment", new String[] {"apps", "deployments"}),
            Map.entry("Role", new String[] {"rbac.authorization.k8s.io", "roles"}),
            Map.entry("RoleBinding", new String[] {"rbac.authorization.k8s.io", "rolebindings"}),
            Map.entry("ClusterRole", new String[] {"rbac.authorization.k8s.io", "clusterroles"}),
            Map.entry("ClusterRoleBinding", new String[] {"rbac.authorization.k8s.io", "clusterrolebindings"}),
            Map.entry("PriorityClass", new String[] {"scheduling.k8s.io", "priorityclasses"}),
            Map.entry("NetworkPolicy", new String[] {"networking.k8s.io", "networkpolicies"}),
            Map.entry("Gateway", new String[] {"networking.istio.io", "gateways"}),
            Map.entry("VirtualService", new String[] {"networking.istio.io", "virtualservices"}),
            Map.entry("DestinationRule", new String[] {"networking.istio.io", "destinationrules"}));

    @Test
    void theControllerMayReadAndApplyEveryObjectOfClustersPrimary() {
        List<Manifest> roles = ReferenceRepository.objectsUnder("apps/burst-gitops").stream()
                .filter(o -> o.kind().endsWith("Role")).toList();

        assertAllAppliable(Kustomize.render(ReferenceRepository.path("clusters/primary")), roles);
    }

    @Test
    void theBurstClusterAccountMayReadAndApplyEveryObjectOfClustersBurst() {
        List<Manifest> roles = ReferenceRepository.objectsUnder("apps/burst-gitops-remote").stream()
                .filter(o -> o.kind().endsWith("Role")).toList();

        assertAllAppliable(Kustomize.render(ReferenceRepository.path("clusters/burst")), roles);
    }

    @Test
    void theControllerMayHoldItsLeaderLeaseAndWriteItsInventoryInItsOwnNamespace() {
        List<Manifest> roles = ReferenceRepository.objectsUnder("apps/burst-gitops").stream()
                .filter(o -> o.kind().equals("Role") && "burst-gitops".equals(o.namespace())).toList();

        assertThat(allows(roles, "coordination.k8s.io", "leases", "any", "get", "create", "update")).isTrue();
        assertThat(allows(roles, "", "configmaps", "any", "get", "list", "create", "patch", "update", "delete")).isTrue();
    }

    private static void assertAllAppliable(List<Manifest> objects, List<Manifest> roles) {
        for (Manifest object : objects) {
            String[] resource = RESOURCE_OF_KIND.get(object.kind());
            assertThat(resource).as("known resource for kind %s", object.kind()).isNotNull();
            List<Manifest> applicable = roles.stream()
                    .filter(r -> object.namespace() == null
                            ? r.kind().equals("ClusterRole")
                            : r.kind().equals("Role") && object.namespace().equals(r.namespace()))
                    .toList();
            assertThat(allows(applicable, resource[0], resource[1], object.name(), "get", "patch"))
                    .as("get and patch (server-side apply) on %s", object.key())
                    .isTrue();
        }
    }

    /** Whether the rules together allow every verb on the named object (a rule without resourceNames allows any name). */
    private static boolean allows(List<Manifest> roles, String group, String resource, String name, String... verbs) {
        for (String verb : verbs) {
            boolean allowed = roles.stream().flatMap(r -> r.list("rules").stream()).anyMatch(rule ->
                    RbacLeastPrivilegeTest.strings(rule.get("apiGroups")).contains(group)
                            && RbacLeastPrivilegeTest.strings(rule.get("resources")).contains(resource)
                            && RbacLeastPrivilegeTest.strings(rule.get("verbs")).contains(verb)
                            && (rule.get("resourceNames") == null
                                    || RbacLeastPrivilegeTest.strings(rule.get("resourceNames")).contains(name)));
            if (!allowed) {
                return false;
            }
        }
        return true;
    }
}
