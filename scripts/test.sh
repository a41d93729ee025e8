#!/usr/bin/env bash
# `npm test`: the type check, the linter, the unit tests, a production build, and the real-browser
# tests against that build: Chromium's, then the user journeys in Firefox (with and without WebGL)
# and WebKit under one Xvfb display; the fallback server's tests run after the unit tests (the
# scaled-out ones on a real redis-server, installed if missing), then its load test (tests/load,
# under a minute). Stops at the first failure; ends with one "N passed, N
# failed" line.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/ensure-browser.sh --engines
bash scripts/ensure-redis.sh
rm -f test-results/unit.json test-results/server.json test-results/browser.json test-results/engines.json
trap 'npx tsx scripts/test-summary.ts test-results/unit.json test-results/server.json test-results/browser.json test-results/engines.json' EXIT

echo "▶ type check"; npm run -s typecheck
echo "▶ lint"; npm run -s lint
echo "▶ unit tests"; npx vitest run --project unit --reporter=default --reporter=json --outputFile.json=test-results/unit.json
echo "▶ server tests"; npx vitest run --project server --reporter=default --reporter=json --outputFile.json=test-results/server.json
echo "▶ load test"; npm run -s load
# The browser tests run the AI redraw on the fixture networks the repository builds.
echo "▶ build"; BIAOQING_MODELS=fixtures npx vite build --logLevel warn
echo "▶ browser tests"; npx vitest run --project browser --reporter=default --reporter=json --outputFile.json=test-results/browser.json
echo "▶ every engine: Firefox, Firefox with WebGL, WebKit"; xvfb-run -a npx vitest run --project engines --reporter=default --reporter=json --outputFile.json=test-results/engines.json
