#!/usr/bin/env bash
# Builds the five images (needs a Docker engine): the jars with the Maven wrapper, then
# deploy/docker/service.Dockerfile with each module's folder as the context. Tags p2pbet/<module>:TAG (default "local", what docker-compose.yml and the
# local overlay run); with REGISTRY set, REGISTRY/p2pbet/<module>:TAG, pushed when PUSH=1.
#   deploy/build-images.sh [TAG]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
tag="${1:-local}"
modules=(bet-service wallet-gateway-service settlement-service stats-service wallet-simulator)
list="$(IFS=,; echo "${modules[*]}")"
./mvnw -B -ntp -q -DskipTests -pl "$list" -am package
for module in "${modules[@]}"; do
  image="${REGISTRY:+$REGISTRY/}p2pbet/$module:$tag"
  docker build --file deploy/docker/service.Dockerfile --tag "$image" "$module"
  if [ "${PUSH:-0}" = 1 ]; then
    docker push "$image"
  fi
  echo "built $image"
done
