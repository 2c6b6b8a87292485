#!/usr/bin/env bash
# Checks everything under deploy/ that can be checked without a cluster or a Docker engine:
#   1. the KafkaTopic resources are those the topic catalogue gives (regenerates, then diffs);
#   2. every Kubernetes overlay renders (kubectl kustomize);
#   3. every rendered resource is valid for its schema: Kubernetes 1.34, Strimzi 0.51,
#      Prometheus operator, CloudNativePG (deploy/tools, ManifestValidator), and keeps the
#      platform's rules (non-root, read-only root filesystem, probes, secrets from Secrets...);
#   4. docker-compose.yml: `docker compose config` when the compose plugin is there, otherwise
#      the Compose Specification schema (npm dclint, installed on first use).
# Exits non-zero on the first failing step. Needs kubectl (with kustomize), a JDK 21+ (found
# like ./mvnw does) and, for step 4 without the compose plugin, node + npm.
#   deploy/validate.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
work="$root/deploy/tools/target/validate"
rm -rf "$work"
mkdir -p "$work"
overlays=(local prod)

step() { printf '\n### %s\n' "$*"; }

step "1/4 KafkaTopic resources against the topic catalogue"
bash deploy/k8s/generate-topics.sh "$work/topics" | sed "s|$root/||g"
stale=0
for overlay in "${overlays[@]}"; do
  committed="deploy/k8s/overlays/$overlay/kafka-topics.yaml"
  if diff -u "$committed" "$work/topics/$overlay/kafka-topics.yaml" > "$work/topics-$overlay.diff"; then
    echo "up to date: $committed"
  else
    cat "$work/topics-$overlay.diff"
    echo "STALE: $committed differs from the catalogue; run deploy/k8s/generate-topics.sh and commit" >&2
    stale=1
  fi
done
[ "$stale" -eq 0 ]

step "2/4 Rendering the overlays with kubectl kustomize"
if ! kubectl kustomize --help >/dev/null 2>&1; then
  echo "kubectl with kustomize is needed (it is on the project's machines: google-cloud-cli's kubectl)" >&2
  exit 1
fi
# The local overlay's Secrets come from gitignored files: make them (random) when absent.
bash deploy/k8s/overlays/local/init-secrets.sh >/dev/null
for overlay in "${overlays[@]}"; do
  kubectl kustomize "deploy/k8s/overlays/$overlay" > "$work/$overlay.yaml"
  echo "rendered deploy/k8s/overlays/$overlay -> ${work#"$root"/}/$overlay.yaml ($(grep -c '^kind:' "$work/$overlay.yaml") resources)"
done

step "3/4 Validating every rendered resource"
bash deploy/tools/run.sh dev.p2pbet.deploy.validate.ManifestValidator \
  "$work/local.yaml" \
  --external-secrets=deploy/k8s/overlays/prod/external-secrets.txt "$work/prod.yaml"

step "4/4 docker-compose.yml"
if docker compose version >/dev/null 2>&1; then
  # Secrets come from the environment; give the check throwaway values.
  env_file="$work/compose.env"
  bash deploy/compose/init-env.sh "$env_file" >/dev/null
  docker compose --env-file "$env_file" -f docker-compose.yml config -q
  echo "docker compose config: ok ($(docker compose version --short))"
else
  dclint_dir="$root/deploy/tools/target/dclint"
  dclint="$dclint_dir/node_modules/.bin/dclint"
  if [ ! -x "$dclint" ]; then
    echo "no docker compose plugin here: installing the Compose Specification linter (npm dclint)"
    npm install --silent --no-audit --no-fund --prefix "$dclint_dir" dclint@3.1.0 >/dev/null
  fi
  # Schema validation plus the rules in deploy/compose/.dclintrc.yaml.
  "$dclint" --config deploy/compose/.dclintrc.yaml --max-warnings 0 docker-compose.yml
  echo "dclint (Compose Specification schema): ok"
fi

printf '\ndeploy/validate.sh: all checks passed\n'
