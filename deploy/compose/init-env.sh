#!/usr/bin/env bash
# Writes the compose stack's secrets, with fresh random values, into an env file (default: .env
# at the repository root, which docker compose reads; it is never committed). Keeps a file that
# exists. The JWT signing secret is the local stack's (.local-stack/dev-signing-secret) when
# there is one, so `./platform token USER` mints tokens the compose stack accepts.
#   deploy/compose/init-env.sh [ENV_FILE] && docker compose up -d
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
file="${1:-$root/.env}"
if [ -s "$file" ]; then
  echo "kept $file"
  exit 0
fi
random() { head -c 48 /dev/urandom | base64 | tr -d '/+=\n' | head -c "$1"; }
signing="$(cat "$root/.local-stack/dev-signing-secret" 2>/dev/null || true)"
umask 077
cat > "$file" <<ENV
# Secrets of the local compose stack (deploy/compose/init-env.sh). Never commit this file.
POSTGRES_PASSWORD=$(random 32)
P2PBET_DEV_SIGNING_SECRET=${signing:-$(random 48)}
P2PBET_WALLET_PROVIDER_APIKEY=$(random 40)
P2PBET_WALLET_WEBHOOK_SECRET=$(random 48)
P2PBET_WALLET_COGNITOHOOKKEY=$(random 40)
WALLET_SIMULATOR_SANDBOX_APIKEY=$(random 32)
# The frontend's origin, the one the API gateway answers CORS for.
CORS_ALLOWED_ORIGIN=http://localhost:5173
ENV
echo "created $file"
