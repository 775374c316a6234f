#!/usr/bin/env bash
# On a terminal, collect draws one progress line (checks done, requests,
# throttling waits) and erases it before the summary; with --json, or when
# standard error is not a terminal, nothing but the output is written.
source "$(dirname "$0")/lib.sh"
mock_start "$small" --latency-ms 300
id=$(new_assessment progress)
mock_ctl faults '[{"path": "/v1.0/users", "status": 429, "retry_after": "1", "code": "TooManyRequests", "times": 1}]'
sock="azmat-progress-$$"
cleanup_tmux() { tmux -L "$sock" kill-server 2>/dev/null || true; }
trap 'cleanup_tmux; cleanup' EXIT
envs=$(env | grep -E '^(AZMAT_|AZURE_)' | sed 's/^/export /; s/=/="/; s/$/"/' | tr '\n' ';')
tmux -L "$sock" -f /dev/null new-session -d -x 160 -y 30 \
	"$envs \"$azmat\" collect $id --concurrency 1; echo EXIT=\$?; sleep 30"
seen=
for _ in $(seq 1 100); do
	screen=$(tmux -L "$sock" capture-pane -p)
	case "$screen" in *"checks"*"requests"*) seen=$screen; break ;; esac
	sleep 0.1
done
[ -n "$seen" ] && ok "a progress line is drawn: $(echo "$seen" | grep requests | head -1)" || fail "no progress line"
throttle=
for _ in $(seq 1 100); do
	screen=$(tmux -L "$sock" capture-pane -p)
	case "$screen" in *"in flight"*"throttled 1x"*) throttle=yes; break ;; esac
	sleep 0.1
done
[ -n "$throttle" ] && ok "throttling waits are shown" || fail "no throttling shown: $screen"
for _ in $(seq 1 200); do
	screen=$(tmux -L "$sock" capture-pane -p)
	case "$screen" in *EXIT=*) break ;; esac
	sleep 0.1
done
echo "$screen" | grep -q "EXIT=8" && ok "the run finished" || fail "no end: $screen"
echo "$screen" | grep -q "in flight" && fail "the progress line was left behind" || ok "the progress line was erased"
echo "$screen" | grep -q "run 1 partial" && ok "summary shown" || fail "no summary"
# not a terminal: no escape sequences at all
"$azmat" collect "$id" --checks t-kv-purge >"$tmp/out" 2>"$tmp/err" || true
if grep -q $'\x1b' "$tmp/out" "$tmp/err"; then fail "escape sequences without a terminal"; else ok "plain output off a terminal"; fi
finish
