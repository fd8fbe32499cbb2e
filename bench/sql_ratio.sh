#!/usr/bin/env bash
# Runs the SQL that the server sends for each list route straight on PostgreSQL with pgbench.
# The statements are copied from PostgreSQL's statement log with the bind values written in.
# Prints one Markdown table row per route: latency average and rate at wrk's concurrency.
# Usage: bench/sql_ratio.sh DATABASE CONNECTIONS SECONDS   (organization id 1)
set -euo pipefail
database=$1
connections=$2
seconds=$3
work=$(mktemp -d /tmp/opensma-sql.XXXXXX)
trap 'rm -rf "$work"' EXIT

columns="machine.id, machine.id, machine.modified_at, machine.created_at, machine.machine_user, machine.name,
 machine.ip, machine.os_name, machine.os_number, machine.last_inventory, machine.last_sync, machine.ram_total_mb,
 machine.ram_used_mb, machine.ram_max_mb, machine.bios_identification_code, machine.sound_devices,
 machine.cdrom_devices, machine.video_controllers, machine.monitor, machine.registry_size,
 machine.registry_max_size, machine.pagefile_size, machine.pagefile_max_size, machine.manual_entry"
org="machine.org_id = 1"
field="$org and lower(coalesce(machine.name, '')) = 'host-000042'"
software="$org and exists (select 1 from machine_software as l2 where (l2.machine_id = machine.id and
 l2.software_id = any(array(select r1.id from software as r1 where (lower(coalesce(r1.display_name, '')) = 'bash'
 and r1.org_id = 1)))))"
# A filter of one related condition is counted from the link table alone, as the server does;
# the page keeps the EXISTS above.
software_count="select count(distinct l2.machine_id) from machine_software as l2 where
 l2.software_id = any(array(select r1.id from software as r1 where (lower(coalesce(r1.display_name, '')) = 'bash'
 and r1.org_id = 1)));"
page="order by machine.id asc offset 0 rows fetch next 50 rows only"
sorted="order by lower(coalesce(machine.name, '')) collate \"C\" desc nulls last, machine.id asc
 offset 0 rows fetch next 50 rows only"

script() {  # script NAME WHERE ORDER COUNT(yes|no) [COUNT_STATEMENT]
  {
    if [ "$4" = yes ]; then echo "${5:-select count(*) from machine where ($2);}" | tr '\n' ' '; echo; fi
    echo "select $columns from machine where ($2) $3;" | tr '\n' ' '
    echo
  } > "$work/$1.sql"
}
script page "$org" "$page" yes
script page_nocount "$org" "$page" no
script field "$field" "$page" yes
script software "$software" "$page" yes "$software_count"
script software_nocount "$software" "$page" no
script sorted "$org" "$sorted" yes
echo "select count(*) from machine where ($org);" > "$work/count_only.sql"

for name in page page_nocount field software software_nocount sorted count_only; do
  result=$(pgbench -h 127.0.0.1 -U postgres -n -M extended -c "$connections" -j 2 -T "$seconds" \
           -f "$work/$name.sql" "$database" 2>&1)
  latency=$(grep -o 'latency average = [0-9.]* ms' <<< "$result" | grep -o '[0-9.]*')
  tps=$(grep -o 'tps = [0-9.]*' <<< "$result" | head -1 | grep -o '[0-9.]*')
  printf '| SQL of "%s" straight on PostgreSQL (pgbench): latency average / rate | %s ms / %.0f per s | %s |\n' \
    "$name" "$latency" "$tps" "$(cut -d' ' -f1 /proc/loadavg)"
done
