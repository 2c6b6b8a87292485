#!/usr/bin/env bash
# Writes the local overlay's Secret sources, secrets/*.env, with fresh random values; keeps the
# files that exist. They are gitignored: local Secrets never enter the repository.
#   deploy/k8s/overlays/local/init-secrets.sh && kubectl apply -k deploy/k8s/overlays/local
set -euo pipefail
cd "$(dirname "$0")"
mkdir -p secrets
umask 077

random() { head -c 48 /dev/urandom | base64 | tr -d '/+=\n' | head -c "$1"; }

write() {
  local file="secrets/$1"; shift
  if [ -s "$file" ]; then
    echo "kept    $file"
  else
    printf '%s\n' "$@" > "$file"
    echo "created $file"
  fi
}

write db.env "username=postgres" "password=$(random 32)"
write wallet-provider.env "api-key=$(random 40)" "webhook-secret=$(random 48)" "sandbox-key=$(random 32)"
write cognito-hook.env "key=$(random 40)"
# ./platform token signs with the secret in .local-stack/dev-signing-secret; reuse it when there is one.
root="$(cd ../../../.. && pwd)"
if [ -s "$root/.local-stack/dev-signing-secret" ]; then
  write dev-signing.env "secret=$(cat "$root/.local-stack/dev-signing-secret")"
else
  write dev-signing.env "secret=$(random 48)"
fi
