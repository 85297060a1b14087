#!/bin/sh
# Lays out the production tree of the image (also runnable on a Linux box, see infra/README.md):
#   <out>/services/<service>/dist/main.js      the tsup bundle (workspace code inlined)
#   <out>/services/<service>/node_modules      that service's production npm dependencies only
# Run from the repository root after `pnpm install --frozen-lockfile && pnpm build`.
set -eu

out="${1:?usage: assemble.sh <output directory>}"
services="api scheduler report-worker mail-worker all-in-one cli"

if [ -e "$out" ] && [ -n "$(ls -A "$out" 2>/dev/null)" ]; then
  echo "assemble.sh: $out is not empty" >&2
  exit 1
fi

for service in $services; do
  if [ ! -f "services/$service/dist/main.js" ]; then
    echo "assemble.sh: services/$service/dist/main.js is missing: run pnpm build first" >&2
    exit 1
  fi
  # --legacy: pnpm 10 otherwise requires inject-workspace-packages for the whole workspace.
  # The workspace packages land in node_modules too; @reportmail/db brings the SQL migrations the CLI's
  # migrate command finds through require.resolve('@reportmail/db/package.json').
  pnpm --filter "@reportmail/$service" deploy --prod --legacy "$out/services/$service"
  # Only the bundle, package.json ("type": "module") and node_modules run; sources and tests stay behind.
  (cd "$out/services/$service" && find . -mindepth 1 -maxdepth 1 \
    ! -name dist ! -name node_modules ! -name package.json -exec rm -rf {} +)
done

# The five deploys share most packages: hard links keep one copy on disk and in the image layer.
if command -v hardlink >/dev/null 2>&1; then
  hardlink --quiet "$out"
fi
