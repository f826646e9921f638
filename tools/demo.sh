#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Installs dependencies, builds nocdash and starts it on its embedded demo backend.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/install-deps.sh
cmake --preset release
cmake --build --preset release --target nocdash
exec build/release/app/nocdash/nocdash --demo "$@"
