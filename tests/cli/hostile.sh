# Sourced by the report tests: one assessment in $work/hostile.db whose
# every tenant- or operator-supplied string is hostile: HTML and script,
# spreadsheet formulas, Markdown link injection, line breaks, a
# right-to-left override (U+202E) and a terminal escape. Sets $hid.
export AZMAT_DB="$work/hostile.db"
export AZMAT_CATALOG="$AZMAT_SOURCE_DIR/tests/data/score-catalog"
export AZMAT_NOW=2026-11-26T09:00:00Z
fixture="$AZMAT_BINARY_DIR/tests/azmat_fixture"
rlo=$'\u202e'
esc=$'\033'
hid=$("$AZMAT" new --name "<script>alert('name')</script>${rlo}fdp.exe" \
  --tenant "=HYPERLINK(\"http://evil.example/t\",\"tenant\")" \
  --org $'Org](javascript:alert(1))\nsecond line' \
  --assessor "${esc}[31mred${esc}[0m <b>bold</b>")
"$fixture" "$AZMAT_DB" "$hid" - <<'FX'
answer 1a.1 fully | | | | <script>alert('note')</script>\n=HYPERLINK("http://evil.example","x")\n[a](javascript:alert(2))
answer 1a.2 fully | | | | Line one\nLine two \| with a pipe\r\n# not a heading
answer 1a.3 fully | | | | \u202egnp.exe and \u001b[2J clear screen
answer 1a.4 partial | | | | | fully | <script>alert('override')</script> ](javascript:alert(7)) \u202eevil
answer 3c.1 risk-accepted | <img src=x onerror=alert('reason')> | =cmd\|' /C calc'!A0 | 2027-06-30 | @SUM(1+1)
answer 3c.2 risk-accepted | +1+1 | -2+3 | 2027-06-30
answer 4a.1 na | ](javascript:alert(3)) "quoted" 'single' & ampersand
result t-sub-owner partial 1/4 | <svg onload=alert('summary')> \u202eevil
offender t-sub-owner | /subscriptions/<script>alert(1)</script> | =HYPERLINK("http://evil.example","click") | ](javascript:alert(4))\nnext line
offender t-sub-owner | /subscriptions/2 | \u202eexe.txt | \tTAB-led
offender t-sub-owner | /subscriptions/3 | "><img src=x onerror=alert(5)> | @import url(http://evil.example/x.css)
result t-admin-mfa fail 0/3 | </style><script>alert('style')</script>
offender t-admin-mfa | admin@contoso.example | +HYPERLINK("http://evil.example") | \u001b]8;;http://evil.example\u0007link\u001b]8;;\u0007
FX
"$AZMAT" plan set "$hid" 1a --owner "=HYPERLINK(\"http://evil.example\",\"owner\")" >/dev/null
"$AZMAT" plan set "$hid" 4a --owner "<script>alert('owner')</script>${rlo}" >/dev/null
