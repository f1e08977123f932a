package dev.burstgitops.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The controller's RBAC grants named resources and verbs only: no wildcard, no cluster-admin, no way to escalate. */
class RbacLeastPrivilegeTest {
    private static final String[] MANIFEST_DIRECTORIES = {"apps", "clusters", "gitops-repo-template"};

    @Test
    void noRoleOrClusterRoleUsesAWildcardInVerbsResourcesOrApiGroups() {
        List<Manifest> roles = roles();

        assertThat(roles).as("RBAC roles found").isNotEmpty();
        for (Manifest role : roles) {
            for (Manifest rule : role.list("rules")) {
                for (String field : List.of("verbs", "resources", "apiGroups", "resourceNames", "nonResourceURLs")) {
                    assertThat(strings(rule.get(field)))
                            .as("%s in %s (%s)", field, role.key(), role.source())
                            .noneMatch(value -> value.contains("*"));
                }
            }
        }
    }

    @Test
    void noBindingReferencesClusterAdminOrAnyBuiltInRole() {
        List<Manifest> bindings = ReferenceRepository.objectsUnder(MANIFEST_DIRECTORIES).stream()
                .filter(o -> Set.of("RoleBinding", "ClusterRoleBinding").contains(o.kind()))
                .toList();

        assertThat(bindings).as("RBAC bindings found").isNotEmpty();
        for (Manifest binding : bindings) {
            assertThat(binding.string("roleRef", "name"))
                    .as("roleRef of %s (%s)", binding.key(), binding.source())
                    .isNotIn("cluster-admin", "admin", "edit")
                    .doesNotStartWith("system:");
        }
    }

    @Test
    void noRoleGrantsEscalateBindImpersonateOrAccessToSecrets() {
        for (Manifest role : roles()) {
            for (Manifest rule : role.list("rules")) {
                assertThat(strings(rule.get("verbs"))).as("verbs in %s", role.key())
                        .doesNotContain("escalate", "bind", "impersonate");
                assertThat(strings(rule.get("resources"))).as("resources in %s", role.key())
                        .doesNotContain("secrets");
            }
        }
    }

    @Test
    void theControllerNeverWatchesAndOnlyTheRbacObjectsNamedBurstGitopsAreItsToChange() {
        for (Manifest role : roles()) {
            for (Manifest rule : role.list("rules")) {
                assertThat(strings(rule.get("verbs"))).as("verbs in %s", role.key()).doesNotContain("watch");
                List<String> resources = strings(rule.get("resources"));
                if (resources.stream().anyMatch(r -> r.endsWith("roles") || r.endsWith("rolebindings"))) {
                    assertThat(strings(rule.get("resourceNames"))).as("resourceNames of an RBAC rule in %s", role.key())
                            .containsExactly("burst-gitops");
                    assertThat(strings(rule.get("verbs"))).as("verbs on RBAC objects in %s", role.key())
                            .doesNotContain("delete", "update");
                }
            }
        }
    }

    @Test
    void theControllerMayNeverDeleteANamespace() {
        for (Manifest role : roles()) {
            for (Manifest rule : role.list("rules")) {
                if (strings(rule.get("resources")).contains("namespaces")) {
                    assertThat(strings(rule.get("verbs"))).as("verbs on namespaces in %s", role.key())
                            .doesNotContain("delete", "deletecollection");
                }
            }
        }
    }

    @Test
    void clusterWideRulesCoverOnlyClusterScopedResources() {
        Set<String> clusterScoped = Set.of("namespaces", "clusterroles", "clusterrolebindings", "priorityclasses");
        for (Manifest role : roles()) {
            if (role.kind().equals("ClusterRole")) {
                for (Manifest rule : role.list("rules")) {
                    assertThat(strings(rule.get("resources"))).as("resources of %s (%s)", role.key(), role.source())
                            .allMatch(clusterScoped::contains);
                }
            }
        }
    }

    static List<Manifest> roles() {
        return ReferenceRepository.objectsUnder(MANIFEST_DIRECTORIES).stream()
                .filter(o -> Set.of("Role", "ClusterRole").contains(o.kind()))
                .toList();
    }

    static List<String> strings(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return List.of(String.valueOf(value));
    }
}
