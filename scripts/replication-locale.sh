#!/usr/bin/env bash
# A PostgreSQL primary and its streaming replica on this machine, for the tests that read from a
# replica: the primary is a fresh cluster (initdb), the replica a copy of it made with
# `pg_basebackup -R`, which then follows its WAL. Uses the PostgreSQL binaries installed here.
#
#   scripts/replication-locale.sh demarrer DOSSIER   # prints the two URLs as `export` lines
#   scripts/replication-locale.sh arreter DOSSIER
#
# Ports: PRIMAIRE_PORT (5433) and REPLIQUE_PORT (5434).
set -euo pipefail

action="${1:?demarrer ou arreter}"
dossier="${2:?dossier des deux grappes}"
port_primaire="${PRIMAIRE_PORT:-5433}"
port_replique="${REPLIQUE_PORT:-5434}"
bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
if [ -z "$bin" ]; then
  echo "Pas de binaires PostgreSQL (paquet postgresql)." >&2
  exit 1
fi

# PostgreSQL refuses to run as root: as root, the clusters belong to the postgres user.
proprietaire="$(id -un)"
if [ "$(id -u)" = 0 ]; then proprietaire=postgres; fi
en_proprietaire() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

arreter() {
  for grappe in replique primaire; do
    if [ -f "$dossier/$grappe/postmaster.pid" ]; then
      en_proprietaire "$bin/pg_ctl" -D "$dossier/$grappe" stop -m immediate >/dev/null 2>&1 || true
    fi
  done
}

case "$action" in
  arreter)
    arreter
    exit 0
    ;;
  demarrer) ;;
  *)
    echo "Action inconnue : $action (demarrer ou arreter)" >&2
    exit 2
    ;;
esac

arreter
rm -rf "$dossier"
mkdir -p "$dossier"
chown "$proprietaire" "$dossier"

en_proprietaire "$bin/initdb" -D "$dossier/primaire" -U postgres --auth=trust \
  --encoding=UTF8 --locale=C.UTF-8 >/dev/null
cat >>"$dossier/primaire/postgresql.conf" <<CONF
port = $port_primaire
listen_addresses = '127.0.0.1'
unix_socket_directories = '$dossier'
wal_level = replica
max_wal_senders = 4
fsync = off
synchronous_commit = on
CONF
cat >"$dossier/primaire/pg_hba.conf" <<HBA
local all all trust
host all all 127.0.0.1/32 trust
host replication all 127.0.0.1/32 trust
HBA
en_proprietaire "$bin/pg_ctl" -D "$dossier/primaire" -l "$dossier/primaire.log" -w start >/dev/null

en_proprietaire "$bin/pg_basebackup" -h 127.0.0.1 -p "$port_primaire" -U postgres \
  -D "$dossier/replique" -R -X stream >/dev/null
echo "port = $port_replique" >>"$dossier/replique/postgresql.auto.conf"
en_proprietaire "$bin/pg_ctl" -D "$dossier/replique" -l "$dossier/replique.log" -w start >/dev/null

echo "export TEST_PRIMAIRE_URL=postgres://postgres@127.0.0.1:$port_primaire/postgres"
echo "export TEST_REPLIQUE_URL=postgres://postgres@127.0.0.1:$port_replique/postgres"
