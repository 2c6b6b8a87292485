# syntax=docker/dockerfile:1
# The image of every runnable module (the four services and the wallet simulator); the build
# context is the module's folder. Built from the Spring Boot jar Maven made, unpacked into layers
# (dependencies change seldom, the application often: a rebuild ships only the last layer) and
# run as a non-root user.
#   ./mvnw -pl bet-service -am -DskipTests package
#   docker build -f deploy/docker/service.Dockerfile -t p2pbet/bet-service:local bet-service
# (deploy/build-images.sh builds all five; ./mvnw -Dimages -DskipTests verify does it from Maven.)
ARG JAVA_IMAGE=eclipse-temurin:21-jre-noble

FROM ${JAVA_IMAGE} AS layers
WORKDIR /build
ARG JAR_FILE=target/*.jar
COPY ${JAR_FILE} app.jar
# An empty layer is not written: make every directory so each COPY below finds one.
RUN java -Djarmode=tools -jar app.jar extract --layers --launcher --destination extracted \
 && mkdir -p extracted/dependencies extracted/spring-boot-loader extracted/snapshot-dependencies extracted/application

FROM ${JAVA_IMAGE}
# curl for the health check; a system user without a shell or home to own nothing.
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system --gid 10001 app \
 && useradd --system --uid 10001 --gid app --no-create-home --home-dir /app --shell /usr/sbin/nologin app
WORKDIR /app
COPY --from=layers /build/extracted/dependencies/ ./
COPY --from=layers /build/extracted/spring-boot-loader/ ./
COPY --from=layers /build/extracted/snapshot-dependencies/ ./
COPY --from=layers /build/extracted/application/ ./
USER 10001:10001
# The JVM sizes its heap from the container's memory limit; an OutOfMemoryError ends the process
# (the orchestrator restarts it) instead of leaving it half alive. /tmp is the only writable path
# (the root filesystem is read-only in Kubernetes and compose).
ENV SERVER_PORT=8080 \
    JDK_JAVA_OPTIONS="-XX:MaxRAMPercentage=75.0 -XX:InitialRAMPercentage=50.0 -XX:+ExitOnOutOfMemoryError -Djava.io.tmpdir=/tmp -Dfile.encoding=UTF-8"
EXPOSE 8080
# Readiness (database and broker included): what compose's depends_on waits for.
HEALTHCHECK --interval=10s --timeout=3s --start-period=120s --retries=5 \
  CMD curl -fsS -o /dev/null "http://127.0.0.1:${SERVER_PORT}/actuator/health/readiness" || exit 1
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
