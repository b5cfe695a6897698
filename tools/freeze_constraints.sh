#!/usr/bin/env bash
# Regenerate constraints.txt: install the project with its dev extra into a fresh venv
# (newest versions pyproject allows), then freeze every installed package except the
# project itself. Run after changing dependencies in pyproject.toml, then run the suite:
#     bash tools/freeze_constraints.sh && bash .ci/run
set -euo pipefail
cd "$(dirname "$0")/.."
venv=$(mktemp -d)/venv
trap 'rm -rf "$(dirname "$venv")"' EXIT
python3 -m venv "$venv"
"$venv/bin/pip" install -q -e '.[dev]'
{
  echo "# Versions the test suite passed with: pip install -c constraints.txt -e '.[dev]'"
  echo "# Regenerate (after changing dependencies in pyproject.toml): bash tools/freeze_constraints.sh"
  echo "# Frozen with $("$venv/bin/python" --version) on $(uname -sm)."
  "$venv/bin/pip" freeze --exclude-editable | grep -v -i -E "^troopledger([=@ ]|$)"
} > constraints.txt.new
mv constraints.txt.new constraints.txt
echo "wrote constraints.txt ($(grep -cv '^#' constraints.txt) packages)"
