#!/bin/sh
# Entrypoint of the reportmail image (tini runs it as PID 1's child, then it execs the service).
#
# First-run friendliness: SECRETS_KEY (encrypts the stored SMTP password, signs attachment links) and
# JWT_SECRET (signs admin sessions) must be the same in every container that uses them. A service asks
# for a generated value by having the variable set but empty (compose: `SECRETS_KEY: ${SECRETS_KEY:-}`).
# Then, when the secrets folder is a mounted volume shared by those containers, the first container
# generates both into a file there and every container reads that file. The values are exported to the
# service only and never printed. A provided (non-empty) value always wins.
#
# Without the volume nothing is generated (a key living in one container's own file system would differ
# from the others' and vanish with the container): the service's configuration check then names the
# missing variable.
set -eu

secrets_dir="${REPORTMAIL_SECRETS_DIR:-/var/lib/reportmail/secrets}"
secrets_file="$secrets_dir/generated.env"

random_base64() {
  head -c "$1" /dev/urandom | base64 | tr -d '\n'
}

# Writes a complete file under a temporary name, then links it into place: link(2) fails when the file
# exists, so of several containers starting at once exactly one wins and the others read its file.
generate_secrets_file() {
  candidate="$secrets_dir/.generated.env.$$"
  (
    umask 077
    {
      printf 'SECRETS_KEY=k1:%s\n' "$(random_base64 32)"
      # Base64 without + / = : 48 random bytes leave well over the 32 characters the API requires.
      printf 'JWT_SECRET=%s\n' "$(random_base64 48 | tr -d '+/=')"
    } >"$candidate"
  )
  ln "$candidate" "$secrets_file" 2>/dev/null || true
  rm -f "$candidate"
}

wants_secrets_key() { [ -n "${SECRETS_KEY+set}" ] && [ -z "$SECRETS_KEY" ]; }
wants_jwt_secret() { [ -n "${JWT_SECRET+set}" ] && [ -z "$JWT_SECRET" ]; }

# Reads only the two known names (the file is data, never sourced) and fills only what was asked for.
export_wanted_secrets() {
  # Split at the first '=' only: base64 values end in '=' padding, which `IFS='=' read` would drop.
  while IFS= read -r line; do
    name="${line%%=*}"
    value="${line#*=}"
    case "$name" in
      SECRETS_KEY) if wants_secrets_key; then export SECRETS_KEY="$value"; fi ;;
      JWT_SECRET) if wants_jwt_secret; then export JWT_SECRET="$value"; fi ;;
    esac
  done <"$secrets_file"
}

if wants_secrets_key || wants_jwt_secret; then
  if [ -d "$secrets_dir" ] && mountpoint -q "$secrets_dir"; then
    [ -s "$secrets_file" ] || generate_secrets_file
    if [ ! -s "$secrets_file" ]; then
      echo "entrypoint: cannot write $secrets_file (is the secrets volume writable by uid $(id -u)?)" >&2
      exit 1
    fi
    export_wanted_secrets
  fi
fi

exec "$@"
