#!/usr/bin/env bash
# Starts the Worker for the e2e suite on a throwaway D1: migrations, the demo seed, `wrangler dev`.
set -euo pipefail
port="${1:-8799}"
cd "$(dirname "$0")/../../apps/worker"
state=.wrangler/e2e
rm -rf "$state"
pnpm run build:assets
pnpm exec wrangler d1 migrations apply DB --local --persist-to "$state"
node scripts/seed.ts --local --persist-to "$state"
# The examples are served from a second origin (see fixtures.ts), which the demo site must allow.
# The suite types faster than a person and sends everything from one network: site-settings.ts
# switches the bot check's minimum time off (bot-checks.spec.ts turns it back on to prove it) and
# puts the rate limits out of reach.
node scripts/site-add.ts --id demo --name "Open Chamber (Parley demo)" \
  --origin "http://localhost:8787" --origin "http://127.0.0.1:8787" --origin "http://127.0.0.1:8798" \
  --settings "$(node ../../test/e2e/site-settings.ts)" --local --persist-to "$state"
# ADMIN_TOKEN enables the admin API, with which specs create their own polls (poll-fixtures.ts).
exec pnpm exec wrangler dev --ip 127.0.0.1 --port "$port" --persist-to "$state" \
  --var READER_TOKEN_SECRET:e2e-only-secret-not-for-production \
  --var ADMIN_TOKEN:e2e-only-admin-token
