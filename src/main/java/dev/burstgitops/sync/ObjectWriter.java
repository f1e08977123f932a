package dev.burstgitops.sync;

import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The writes of one pass to one object, each behind the pass's {@link WriteFence}: server-side
 * apply as field manager {@value #FIELD_MANAGER} with force, its dry run, the managed fields of a
 * takeover ({@link FieldOwnership}), and
 * — only for an object annotated {@value #RECREATE_ANNOTATION}{@code : enabled} — delete and
 * apply again when the server refuses a change to an immutable field (a Deployment's selector, a
 * Service's clusterIP). Without the annotation such a change fails that object with the server's
 * message: deleting a workload is not something to do unasked.
 */
final class ObjectWriter {

    static final String FIELD_MANAGER = Fabric8ClusterApplier.FIELD_MANAGER;
    static final String RECREATE_ANNOTATION = "burst-gitops/recreate";
    private static final Logger LOG = LoggerFactory.getLogger(ObjectWriter.class);
    private static final Duration DELETE_WITHIN = Duration.ofSeconds(30);

    private final KubernetesClient client;
    private final WriteFence fence;

    ObjectWriter(KubernetesClient client, WriteFence fence) {
        this.client = client;
        this.fence = fence;
    }

    /** Server-side applies {@code desired} as a new object; returns the object as the server stored it. */
    Map<String, Object> apply(DesiredObject desired, ResourceDefinitionContext kind) {
        return apply(desired, kind, null);
    }

    /**
     * Server-side applies {@code desired} over the object this pass read at {@code readAt}, which
     * the server takes as a precondition: if anyone wrote the object since (another replica that
     * took over while this one was paused, a person), the server refuses with 409 and the object
     * fails this pass instead of rolling their write back. Returns the object as stored.
     */
    Map<String, Object> apply(DesiredObject desired, ResourceDefinitionContext kind, String readAt) {
        try {
            return serverSideApply(desired, kind, readAt);
        } catch (KubernetesClientException e) {
            if (!fence.holds()) {
                // Refused (409: written since this pass read it) or cut off after the lease ran out:
                // the lost lease ends the pass, rather than failing this one object.
                throw new FencedException(e);
            }
            if (!isImmutableFieldChange(e) || !recreateEnabled(desired)) {
                throw e;
            }
            LOG.info("recreate {}: {}", desired.key(), ApiErrors.describe(e));
            requireCreatable(desired, kind);
            fence.check();
            var resource = GenericResources.named(client, kind, desired.key().namespace(), desired.key().name());
            resource.withPropagationPolicy(DeletionPropagation.BACKGROUND).delete();
            awaitGone(resource);
            return serverSideApply(desired, kind, null);
        }
    }

    /**
     * What the server would store if {@code desired} were applied now: the same server-side apply
     * with {@code dryRun=All}, which the server validates, defaults and merges with other managers'
     * fields but does not persist. A dry run is not a write, so it goes through no fence.
     */
    Map<String, Object> preview(DesiredObject desired, ResourceDefinitionContext kind) {
        return serverSideApply(desired, kind, null, true);
    }

    /**
     * Replaces the object's managed fields (see {@link FieldOwnership}), guarded by the
     * resourceVersion it was read at: if anyone wrote the object since, the server refuses (409)
     * and the object fails this pass, to be judged again on the next. Returns the object as stored.
     */
    @SuppressWarnings("unchecked")
    Map<String, Object> replaceManagedFields(DesiredObject desired, ResourceDefinitionContext kind, String resourceVersion,
                                             List<ManagedFieldsEntry> managedFields) {
        fence.check();
        Map<String, Object> test = new LinkedHashMap<>();
        test.put("op", "test");
        test.put("path", "/metadata/resourceVersion");
        test.put("value", resourceVersion);
        // "add" also replaces: stripped managed fields leave no member to "replace".
        Map<String, Object> replace = new LinkedHashMap<>();
        replace.put("op", "add");
        replace.put("path", "/metadata/managedFields");
        replace.put("value", managedFields);
        String patch = client.getKubernetesSerialization().asJson(List.of(test, replace));
        GenericKubernetesResource patched = GenericResources.named(client, kind, desired.key().namespace(),
                desired.key().name()).patch(PatchContext.of(PatchType.JSON), patch);
        return client.getKubernetesSerialization().convertValue(patched, Map.class);
    }

    private Map<String, Object> serverSideApply(DesiredObject desired, ResourceDefinitionContext kind, String readAt) {
        fence.check();
        return serverSideApply(desired, kind, readAt, false);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> serverSideApply(DesiredObject desired, ResourceDefinitionContext kind, String readAt,
                                                boolean dryRun) {
        GenericKubernetesResource resource =
                client.getKubernetesSerialization().convertValue(desired.content(), GenericKubernetesResource.class);
        if (readAt != null && !readAt.isEmpty()) {
            resource.getMetadata().setResourceVersion(readAt);
        }
        GenericKubernetesResource applied = GenericResources.in(client, kind, desired.key().namespace())
                .resource(resource)
                .dryRun(dryRun)
                .fieldManager(FIELD_MANAGER)
                .forceConflicts()
                .serverSideApply();
        return client.getKubernetesSerialization().convertValue(applied, Map.class);
    }

    /**
     * Asks the server, with a dry-run create under a name of its own, whether the new version
     * would be accepted once the old one is gone; the old one is deleted only then. Otherwise a
     * version with a second error (an invalid container name beside the changed selector) would
     * leave the workload deleted and not created again until Git is fixed.
     */
    private void requireCreatable(DesiredObject desired, ResourceDefinitionContext kind) {
        GenericKubernetesResource probe =
                client.getKubernetesSerialization().convertValue(desired.content(), GenericKubernetesResource.class);
        String name = desired.key().name();
        probe.getMetadata().setName(name.substring(0, Math.min(name.length(), 240)) + "-recreate-check");
        try {
            GenericResources.in(client, kind, desired.key().namespace()).resource(probe).dryRun().create();
        } catch (KubernetesClientException e) {
            if (ApiErrors.isUnreachable(e)) {
                throw e;
            }
            throw new RecreateFailed("not recreated, left as it is: its new version would be refused ("
                    + ApiErrors.describe(e) + ")");
        }
    }

    /** A recreate that could not finish: that object fails, the pass goes on. */
    static final class RecreateFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RecreateFailed(String message) {
            super(message);
        }
    }

    /** Polls with GET, the verb the controller's RBAC grants (a watch is not granted), until the object is gone. */
    private static void awaitGone(Resource<GenericKubernetesResource> resource) {
        long deadline = System.nanoTime() + DELETE_WITHIN.toNanos();
        while (resource.get() != null) {
            if (System.nanoTime() > deadline) {
                throw new RecreateFailed("still there " + DELETE_WITHIN.toSeconds() + "s after its deletion, not recreated");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RecreateFailed("interrupted while waiting for its deletion, not recreated");
            }
        }
    }

    private static boolean isImmutableFieldChange(KubernetesClientException e) {
        return e.getCode() == 422 && ApiErrors.describe(e).contains("immutable");
    }

    private static boolean recreateEnabled(DesiredObject desired) {
        Object metadata = desired.content().get("metadata");
        Object annotations = metadata instanceof Map<?, ?> map ? map.get("annotations") : null;
        return annotations instanceof Map<?, ?> map && "enabled".equals(String.valueOf(map.get(RECREATE_ANNOTATION)));
    }
}
