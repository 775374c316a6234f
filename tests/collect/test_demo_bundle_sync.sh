#!/usr/bin/env bash
# assets/demo/bundle is what scripts/make_demo_bundle.sh makes from the
# generator, the mock and the client script today: a change to the catalog,
# the generator or the script that would change the demo shows here
# (regenerate with scripts/make_demo_bundle.sh).
set -euo pipefail
src=${AZMAT_SOURCE_DIR:-$(cd "$(dirname "$0")/../.." && pwd)}
"$src/scripts/make_demo_bundle.sh" --check
