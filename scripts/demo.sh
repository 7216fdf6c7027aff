#!/usr/bin/env bash
# Quick start 1: install, migrate, load the reference round as demo data on SQLite, build, serve.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
prepare
export PORT="${PORT:-3000}"
export RECTIFY_DEMO="${RECTIFY_DEMO:-1}"
say "serving on http://localhost:$PORT (database: ${DATABASE_URL:-data/rectify.db}); Ctrl-C stops"
exec node apps/api/dist/server.js
