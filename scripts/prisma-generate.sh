#!/usr/bin/env bash
# Generates the Prisma client. Prisma's native schema engine cannot be downloaded on every
# machine; `prisma generate` does not use it, so point the variable at any existing file.
set -euo pipefail
cd "$(dirname "$0")/.."
export PRISMA_SCHEMA_ENGINE_BINARY="${PRISMA_SCHEMA_ENGINE_BINARY:-/bin/true}"
exec npx --no-install prisma generate
