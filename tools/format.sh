#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Formats every C++ source in place with the project's .clang-format.
set -euo pipefail
cd "$(dirname "$0")/.."
git ls-files -co --exclude-standard -- '*.cpp' '*.h' | grep -v '^build' | xargs -r clang-format -i
