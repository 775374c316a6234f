#!/usr/bin/env bash
# Install the Debian packages azmat needs for a purpose: run, test or bench.
# As root it installs what is missing with apt-get; otherwise it prints the
# one apt-get line to run and fails.
set -euo pipefail

purpose=${1:-run}

run_pkgs=(gcc make cmake pkg-config libc6-dev libcurl4-openssl-dev libcjson-dev
          libsqlite3-dev libncurses-dev libssl-dev)
test_pkgs=("${run_pkgs[@]}" tmux python3 sqlite3 openssl curl ncurses-term chromium nghttp2-proxy
           fonts-dejavu-core)
bench_pkgs=("${test_pkgs[@]}" azure-cli valgrind time)

case "$purpose" in
  run) pkgs=("${run_pkgs[@]}") ;;
  test) pkgs=("${test_pkgs[@]}") ;;
  bench) pkgs=("${bench_pkgs[@]}") ;;
  *) echo "usage: $0 run|test|bench" >&2; exit 2 ;;
esac

missing=()
for p in "${pkgs[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
  echo "azmat needs these Debian packages: ${missing[*]}" >&2
  echo "install them with:" >&2
  echo "  sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi

echo "installing: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
