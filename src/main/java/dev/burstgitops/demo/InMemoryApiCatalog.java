package dev.burstgitops.demo;

import java.util.List;

/**
 * The kinds the in-memory cluster serves from the start: what the reference burst setup and
 * the controller itself need (workloads, RBAC, leases for leader election) and the Istio
 * traffic kinds, which a real cluster serves through Istio's CRDs.
 */
public final class InMemoryApiCatalog {

    private InMemoryApiCatalog() {
    }

    public static List<InMemoryApiResource> standard() {
        return List.of(
                InMemoryApiResource.clusterScoped("v1", "Namespace", "namespaces", "ns"),
                InMemoryApiResource.namespaced("v1", "ConfigMap", "configmaps", "cm"),
                InMemoryApiResource.namespaced("v1", "Service", "services", "svc"),
                InMemoryApiResource.namespaced("v1", "ServiceAccount", "serviceaccounts", "sa"),
                InMemoryApiResource.namespaced("v1", "Secret", "secrets"),
                InMemoryApiResource.namespaced("apps/v1", "Deployment", "deployments", "deploy"),
                InMemoryApiResource.namespaced("apps/v1", "StatefulSet", "statefulsets", "sts"),
                InMemoryApiResource.namespaced("apps/v1", "DaemonSet", "daemonsets", "ds"),
                InMemoryApiResource.namespaced("rbac.authorization.k8s.io/v1", "Role", "roles"),
                InMemoryApiResource.namespaced("rbac.authorization.k8s.io/v1", "RoleBinding", "rolebindings"),
                InMemoryApiResource.clusterScoped("rbac.authorization.k8s.io/v1", "ClusterRole", "clusterroles"),
                InMemoryApiResource.clusterScoped(
                        "rbac.authorization.k8s.io/v1", "ClusterRoleBinding", "clusterrolebindings"),
                InMemoryApiResource.clusterScoped(
                        "apiextensions.k8s.io/v1", "CustomResourceDefinition", "customresourcedefinitions", "crd", "crds"),
                InMemoryApiResource.namespaced("coordination.k8s.io/v1", "Lease", "leases"),
                InMemoryApiResource.namespaced("networking.istio.io/v1", "Gateway", "gateways", "gw"),
                InMemoryApiResource.namespaced("networking.istio.io/v1", "VirtualService", "virtualservices", "vs"),
                InMemoryApiResource.namespaced("networking.istio.io/v1", "DestinationRule", "destinationrules", "dr"));
    }
}
