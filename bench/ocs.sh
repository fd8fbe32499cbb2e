#!/usr/bin/env bash
# OCS Inventory NG from Debian receiving the same inventories as OpenSMA, with the same
# sender: installs ocsinventory-server (and ocsinventory-reports for its database schema)
# when missing, serves it with Apache on 127.0.0.1:8081 only, creates a fresh database
# "ocsweb" in the local MariaDB (root without password, as install.php would), and prints
# Markdown table rows. OCS keeps its default settings.
# Usage: bench/ocs.sh INVENTORIES_PER_PHASE
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-200}
ocs_port=8081
url=http://127.0.0.1:$ocs_port/ocsinventory

log() { printf '==> %s\n' "$*" >&2; }
row() {  # row LABEL VALUE: one table line on stdout, repeated on stderr for the console
  local line
  line=$(printf '| %s | %s | %s |' "$1" "$2" "$(cut -d' ' -f1 /proc/loadavg)")
  echo "$line"
  echo "$line" >&2
}

# XML::Simple, which the server parses inventories with, needs XML::Parser; Debian only
# recommends it.
packages=(ocsinventory-server ocsinventory-reports apache2 libxml-parser-perl)
if ! dpkg -s "${packages[@]}" > /dev/null 2>&1; then
  log "Installing OCS Inventory NG server from Debian"
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${packages[@]}" > /dev/null
fi

# Apache answers on the loopback address only.
if ! grep -q "^Listen 127.0.0.1:$ocs_port$" /etc/apache2/ports.conf; then
  sed -i "s/^Listen 80$/Listen 127.0.0.1:$ocs_port/" /etc/apache2/ports.conf
fi
grep -q "^Listen 127.0.0.1:$ocs_port$" /etc/apache2/ports.conf || { echo "Cannot set Apache's Listen" >&2; exit 1; }

if ! mysqladmin -h 127.0.0.1 -u root status > /dev/null 2>&1; then
  echo "MariaDB does not answer on 127.0.0.1:3306 as root without password" >&2
  exit 1
fi
log "Creating a fresh OCS database"
mysql -h 127.0.0.1 -u root <<'SQL'
DROP DATABASE IF EXISTS ocsweb;
CREATE DATABASE ocsweb CHARACTER SET utf8 COLLATE utf8_bin;
CREATE USER IF NOT EXISTS 'ocs'@'localhost' IDENTIFIED BY 'ocs';
CREATE USER IF NOT EXISTS 'ocs'@'%' IDENTIFIED BY 'ocs';
GRANT ALL PRIVILEGES ON ocsweb.* TO 'ocs'@'localhost';
GRANT ALL PRIVILEGES ON ocsweb.* TO 'ocs'@'%';
SQL
{ echo "SET sql_mode='NO_ENGINE_SUBSTITUTION';"; cat /usr/share/ocsinventory-reports/files/ocsbase_new.sql; } \
  | mysql -h 127.0.0.1 -u root ocsweb

started_apache=0
if ! curl -s -o /dev/null "http://127.0.0.1:$ocs_port/"; then
  log "Starting Apache on 127.0.0.1:$ocs_port"
  apache2ctl start
  started_apache=1
  sleep 2
else
  apache2ctl graceful
  sleep 2
fi
work=$(mktemp -d /tmp/opensma-ocs.XXXXXX)
cleanup() {
  if [ "$started_apache" = 1 ]; then apache2ctl stop || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

ingest_row() {  # ingest_row LABEL PREFIX PHASE SENDERS new|known
  local result
  result=$(python3 bench/ingest.py --url "$url" --prefix "$2" --phase "$3" --count "$count" --senders "$4" \
           --max-seconds 60)
  echo "$result" >&2
  row "$1" "$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["summary"])' "$result")"
  echo "$result" > "$work/$5-$2-$4.json"
}
log "Sending the inventories to OCS Inventory NG"
ingest_row "OCS NG: ingest, new machines, 1 sender" one 1 1 new
ingest_row "OCS NG: ingest, new machines, 32 senders" many 2 32 new
# Counted before the updates, which would add the copies this phase had no time to send.
sent=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["ok"])' "$work/new-many-32.json")
stored=$(mysql -h 127.0.0.1 -u root -N ocsweb -e "SELECT COUNT(*) FROM hardware WHERE name LIKE 'many-%'")
row "OCS NG: machines stored from the 32-sender run (answered 200 / stored)" "$sent / $stored"
ingest_row "OCS NG: ingest, known machines, 1 sender" one 1 1 known
ingest_row "OCS NG: ingest, known machines, 32 senders" many 2 32 known
if [ "$sent" = 0 ]; then
  echo "OCS NG stored no inventory; see /var/log/apache2/error.log" >&2
  exit 1
fi
