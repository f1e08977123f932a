# burst-gitops container image: build the shaded jar with Maven, run it on a JRE as a
# non-root user. Build at the repository root: docker build -t burst-gitops:0.1.0 .

FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
# Dependencies first, so that a source change does not download them again.
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src ./src
RUN mvn -B -DskipTests package

FROM eclipse-temurin:17-jre
# The same numeric user the Deployment runs as (runAsUser: 10001); no login shell, no home.
RUN groupadd --system --gid 10001 burst-gitops \
 && useradd --system --uid 10001 --gid 10001 --no-create-home --home-dir /nonexistent \
      --shell /usr/sbin/nologin burst-gitops \
 && mkdir -p /etc/burst-gitops /var/lib/burst-gitops \
 && chown 10001:10001 /var/lib/burst-gitops
COPY --from=build /src/target/burst-gitops.jar /app/burst-gitops.jar
# `burst-gitops validate .` and the other commands, for CI jobs that use this image
# (the Jenkinsfile and .tekton/ of gitops-repo-template).
RUN printf '#!/bin/sh\nexec java -XX:MaxRAMPercentage=75 -XX:TieredStopAtLevel=1 -XX:+ExitOnOutOfMemoryError -jar /app/burst-gitops.jar "$@"\n' \
      > /usr/local/bin/burst-gitops \
 && chmod 0755 /usr/local/bin/burst-gitops
USER 10001:10001
WORKDIR /var/lib/burst-gitops
EXPOSE 8080
# Out of memory, the JVM exits and Kubernetes restarts the pod, instead of a half-dead controller.
# C1 only: the controller's work is I/O; the optimising compiler cost more CPU than it saved and
# ~58 MiB of RSS (255 -> 197 MiB with two clusters of 1,001 objects; docs/benchmarks.md).
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:TieredStopAtLevel=1", "-XX:+ExitOnOutOfMemoryError", "-jar", "/app/burst-gitops.jar"]
CMD ["run", "--config", "/etc/burst-gitops/burst-gitops.yaml"]
