#!/usr/bin/env bash
# Makes PostgreSQL (127.0.0.1:5432) and Redis (127.0.0.1:6379) answer on a Debian machine, starting them
# when installed and installing them from Debian's packages when absent; installs Chromium for browser tests.
set -euo pipefail

log() { printf '[ensure-services] %s\n' "$*"; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
apt_updated=0
apt_install() {
  if [ "$apt_updated" -eq 0 ]; then as_root apt-get update -qq; apt_updated=1; fi
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "$@" >/dev/null
}

postgres_up() { command -v pg_isready >/dev/null && pg_isready -q -h 127.0.0.1 -p 5432; }
redis_up() { command -v redis-cli >/dev/null && [ "$(redis-cli -h 127.0.0.1 -p 6379 ping 2>/dev/null)" = PONG ]; }
wait_for() { for _ in $(seq 1 60); do "$1" && return 0; sleep 1; done; return 1; }

ensure_postgres() {
  if postgres_up; then log "PostgreSQL answers"; return; fi
  if ! command -v pg_ctlcluster >/dev/null; then
    log "installing postgresql from Debian's packages"
    apt_install postgresql
  fi
  local version
  version=$(ls /etc/postgresql | sort -V | tail -n 1)
  log "starting PostgreSQL $version"
  as_root pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
  wait_for postgres_up || { log "PostgreSQL did not start"; exit 1; }
  # A fresh Debian cluster uses peer/md5 auth: give the postgres role the password CI's URL carries.
  as_root su postgres -c "psql -qc \"alter user postgres password 'postgres'\"" >/dev/null 2>&1 || true
}

ensure_redis() {
  if redis_up; then log "Redis answers"; return; fi
  if ! command -v redis-server >/dev/null; then
    log "installing redis-server from Debian's packages"
    apt_install redis-server
  fi
  log "starting Redis"
  as_root mkdir -p /var/lib/redis /var/log/redis
  as_root redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save '' --appendonly no \
    --dir /var/lib/redis --logfile /var/log/redis/ci.log
  wait_for redis_up || { log "Redis did not start"; exit 1; }
}

# The email's width is measured in a real browser (tests/e2e/src/email-width.test.ts), as a recipient's phone shows it.
ensure_chromium() {
  if command -v chromium >/dev/null || [ -n "${CHROMIUM_PATH:-}" ]; then log "Chromium found"; return; fi
  log "installing chromium from Debian's packages"
  apt_install chromium || log "chromium could not be installed: the browser tests will be skipped"
}

ensure_postgres
ensure_redis
ensure_chromium
