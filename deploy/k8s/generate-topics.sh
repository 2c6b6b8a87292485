#!/usr/bin/env bash
# Regenerates the Strimzi KafkaTopic resources (every topic and its DLT) of both overlays from
# the topic catalogue, schemas/src/main/resources/topic-catalogue.yaml, with the catalogue's own
# parser (deploy/tools). Run it after changing the catalogue and commit the result;
# deploy/validate.sh fails while the committed files are stale.
#   deploy/k8s/generate-topics.sh [OUTPUT_DIR]   (default: the overlays themselves)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
out="${1:-$root/deploy/k8s/overlays}"
mkdir -p "$out/local" "$out/prod"
catalogue="$root/schemas/src/main/resources/topic-catalogue.yaml"
generate() {
  bash "$root/deploy/tools/run.sh" dev.p2pbet.deploy.topics.KafkaTopicsGenerator "$catalogue" "$1" p2pbet "$2"
}
generate dev "$out/local/kafka-topics.yaml"
generate prod "$out/prod/kafka-topics.yaml"
