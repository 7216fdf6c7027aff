#!/usr/bin/env bash
# Quick start 2: the lint, then every test — domain, documents, database, API (SQLite, and PostgreSQL when one
# answers), web components, and the end-to-end suite in Debian's chromium.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
prepare

ensure_browser() {
  local missing=()
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  fc-list 2>/dev/null | grep -qiE 'wqy|noto.*cjk' || missing+=(fonts-wqy-microhei)
  if [ ${#missing[@]} -gt 0 ]; then
    say "installing ${missing[*]} for the browser tests"
    apt_install "${missing[@]}"
  fi
}

start_postgres_if_installed() {
  # CI machines start PostgreSQL themselves; a developer's stopped cluster is started here. Tests
  # that need it skip with a clear line when none answers.
  if command -v pg_isready >/dev/null && ! pg_isready -q -h 127.0.0.1 2>/dev/null && command -v pg_ctlcluster >/dev/null; then
    for v in $(ls /etc/postgresql 2>/dev/null); do as_root pg_ctlcluster --skip-systemctl-redirect "$v" main start 2>/dev/null || true; done
  fi
}

ensure_browser
start_postgres_if_installed
mkdir -p e2e/output
status=0
lint_status=0
say "lint (eslint: pnpm lint) and types (tsc over every package, tests included: pnpm typecheck)"
"${PNPM[@]}" lint || lint_status=$?
# vitest runs TypeScript without checking it: a test that no longer typechecks is caught here.
"${PNPM[@]}" typecheck || lint_status=$?
if [ "$lint_status" -ne 0 ]; then
  say "LINT FAILED: the findings are listed above (fix them; the run fails at the end)"
  status=$lint_status
fi
say "the dashboard route's initial JavaScript within its 250 KB gzip budget, no TypeBox in the web build"
"${PNPM[@]}" --filter @rectify/web run size --check || status=$?
say "unit and API tests"
"${PNPM[@]}" exec vitest run --reporter=default --reporter=json --outputFile.json=e2e/output/vitest.json || status=$?
say "end-to-end tests (chromium)"
"${PNPM[@]}" --filter @rectify/e2e exec playwright test || status=$?
node scripts/summarize-tests.mjs e2e/output/vitest.json e2e/output/playwright.json || status=$?
if [ "$lint_status" -ne 0 ]; then echo "lint: FAILED (see the lint and type findings near the top of this output)"; else echo "lint: passed (eslint and tsc)"; fi
exit $status
