#!/usr/bin/env bash
# Smoke test of the production commands (README, Procfile) on a PostgreSQL server: the build,
# the release step on a fresh database, a web instance and a worker started with plain node.
set -euo pipefail
cd "$(dirname "$0")/.."
URL_SERVEUR="${1:?URL du serveur PostgreSQL}"
BASE="cnfs_essai_production_$$"
URL_BASE="${URL_SERVEUR%/*}/$BASE"
psql_() { node -e "const c=new (require('pg').Client)({connectionString:process.argv[1]});c.connect().then(()=>c.query(process.argv[2])).then(()=>c.end())" "$URL_SERVEUR" "$1"; }
psql_ "create database $BASE"
nettoyer() {
  kill "${WEB:-}" "${WORKER:-}" 2>/dev/null || true
  psql_ "drop database if exists $BASE with (force)" || true
}
trap nettoyer EXIT
export NODE_ENV=production DATABASE_URL="$URL_BASE" PORT=3998 HOST=127.0.0.1 LOG_LEVEL=warn \
  PUBLIC_URL=http://127.0.0.1:3998 CLE_CHIFFREMENT_FICHIERS="$(node -e "console.log(require('crypto').randomBytes(32).toString('base64'))")"

npm run build >/dev/null
# A web instance on a schema that is behind refuses to start and says what to run.
if node dist/server/main.js 2>/tmp/essai-web-refus.log; then echo "le web a démarré sur un schéma vide"; exit 1; fi
grep -q "npm run cnfs -- migrer" /tmp/essai-web-refus.log
node dist/cli/main.js migrer
node dist/server/main.js & WEB=$!
node dist/server/worker.js & WORKER=$!
for _ in $(seq 1 60); do
  if node -e "fetch('http://127.0.0.1:3998/api/sante').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"; then break; fi
  sleep 1
done
node -e "fetch('http://127.0.0.1:3998/api/sante').then(r=>r.json()).then(s=>{if(s.base!=='postgresql')process.exit(1);console.log('web :',JSON.stringify(s))})"
kill -0 "$WORKER"
echo "Production : build, release, web et worker démarrés avec node."
