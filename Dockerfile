# burst-gitops container image: build the shaded jar with Maven, run it on a JRE as a
# non-root user, with kubectl for clusters that render with `render: kustomize`.
# Build at the repository root, naming the commit (.git stays out of the build context):
#   docker build --build-arg GIT_COMMIT="$(git rev-parse HEAD)" -t burst-gitops:0.1.0 .
# Without GIT_COMMIT, --version, /status and burst_gitops_build_info say commit "unknown".

FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
# Dependencies first, so that a source change does not download them again.
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
# The sources, and the trees pom.xml packs into the jar: the reference layout (apps/, clusters/)
# that the demo seeds its repository with, and the repository template that `init` writes out.
COPY src ./src
COPY apps ./apps
COPY clusters ./clusters
COPY gitops-repo-template ./gitops-repo-template
ARG GIT_COMMIT=unknown
RUN mvn -B -DskipTests -Dbuild.commit="${GIT_COMMIT}" package

# kubectl for `render: kustomize` (it runs `kubectl kustomize`): the release binary of the
# Kubernetes version the tests' peers are built from (peers.kubernetes.version in pom.xml), so
# the image renders as the tests did, checked against its published SHA-256. Debian's
# kubernetes-client package is 1.20, whose kustomize predates fields kustomizations use today.
FROM debian:bookworm-slim AS kubectl
ARG KUBECTL_VERSION=1.36.3
ARG TARGETARCH
RUN apt-get update -q \
 && apt-get install -y -q --no-install-recommends ca-certificates curl \
 && base="https://dl.k8s.io/release/v${KUBECTL_VERSION}/bin/linux/${TARGETARCH:-amd64}" \
 && curl -fsSLo /usr/local/bin/kubectl "${base}/kubectl" \
 && echo "$(curl -fsSL "${base}/kubectl.sha256")  /usr/local/bin/kubectl" | sha256sum --check --strict \
 && chmod 0755 /usr/local/bin/kubectl

FROM eclipse-temurin:17-jre
# The same numeric user the Deployment runs as (runAsUser: 10001); no login shell, no home.
# JGit is pointed at HOME, else the temp directory, when user.home is not writable (cli/Main).
RUN groupadd --system --gid 10001 burst-gitops \
 && useradd --system --uid 10001 --gid 10001 --no-create-home --home-dir /nonexistent \
      --shell /usr/sbin/nologin burst-gitops \
 && mkdir -p /etc/burst-gitops /var/lib/burst-gitops \
 && chown 10001:10001 /var/lib/burst-gitops
COPY --from=kubectl /usr/local/bin/kubectl /usr/local/bin/kubectl
COPY --from=build /src/target/burst-gitops.jar /app/burst-gitops.jar
# `burst-gitops validate .` and the other commands, for CI jobs that use this image
# (the Jenkinsfile and .tekton/ of gitops-repo-template).
RUN printf '#!/bin/sh\nexec java -XX:MaxRAMPercentage=75 -XX:TieredStopAtLevel=1 -XX:+ExitOnOutOfMemoryError -jar /app/burst-gitops.jar "$@"\n' \
      > /usr/local/bin/burst-gitops \
 && chmod 0755 /usr/local/bin/burst-gitops \
 && kubectl version --client=true
USER 10001:10001
WORKDIR /var/lib/burst-gitops
# server.port (probes, /metrics, /status) and server.webhookPort (POST /hooks/git alone).
EXPOSE 8080 8081
# Out of memory, the JVM exits and Kubernetes restarts the pod, instead of a half-dead controller.
# C1 only: the controller's work is I/O; the optimising compiler cost more CPU than it saved and
# ~58 MiB of RSS (255 -> 197 MiB with two clusters of 1,001 objects; docs/benchmarks.md).
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:TieredStopAtLevel=1", "-XX:+ExitOnOutOfMemoryError", "-jar", "/app/burst-gitops.jar"]
CMD ["run", "--config", "/etc/burst-gitops/config/burst-gitops.yaml"]
