# Functions STYLE.md bans in our C, and layer rules: no curses outside ui/,
# no curl or sqlite inside ui/ or the core.
set -u
src=${AZMAT_SOURCE_DIR:?}
cd "$src" || exit 2
status=0
checks=0

hits=$(grep -rnE '\b(strcpy|strcat|sprintf|vsprintf|gets|atoi|atol|strtok|system)[[:space:]]*\(' \
  --include='*.c' --include='*.h' src ui db 2>/dev/null | grep -vE '(snprintf|vsnprintf|s_system)' || true)
checks=$((checks + 1))
if [ -n "$hits" ]; then echo "banned function used:"; echo "$hits"; status=1; fi

checks=$((checks + 1))
hits=$(grep -rlE '#include[[:space:]]*<(n?curses|ncursesw/)' --include='*.c' --include='*.h' src db 2>/dev/null || true)
if [ -n "$hits" ]; then echo "curses outside ui/: $hits"; status=1; fi

checks=$((checks + 1))
hits=$(grep -rlE '#include[[:space:]]*<(curl/|sqlite3)' --include='*.c' --include='*.h' ui src/core src/base src/eval 2>/dev/null || true)
if [ -n "$hits" ]; then echo "curl or sqlite in the UI or the core: $hits"; status=1; fi

# In ui/, only the drawing files touch curses: the state, reducer, key
# table, view models, editor and search stay testable without a terminal.
checks=$((checks + 1))
hits=$(grep -lE '#include[[:space:]]*[<"](n?curses|ncursesw/|draw\.h)' ui/*.c ui/*.h 2>/dev/null |
  grep -vE '^ui/(draw\.[ch]|term\.c|screen(_[a-z]+)?\.c)$' || true)
if [ -n "$hits" ]; then echo "curses outside the drawing files of ui/: $hits"; status=1; fi

checks=$((checks + 1))
hits=$(grep -rlE '#include[[:space:]]*<curl/' --include='*.c' --include='*.h' db 2>/dev/null || true)
if [ -n "$hits" ]; then echo "curl in the store: $hits"; status=1; fi

[ $status -eq 0 ] && echo "ok: $checks checks"
exit $status
