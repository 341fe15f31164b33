#!/usr/bin/env bash
# Fails when a C++ source is not formatted as .clang-format says (run by ctest as format_check).
set -euo pipefail
cd "$(dirname "$0")/.."
git ls-files -co --exclude-standard '*.cc' '*.h' | grep -v '^build/' |
  xargs -r clang-format --dry-run -Werror
echo "format: all C++ files are clang-formatted"
