#!/usr/bin/env bash
# Browser check of the workforce report: generates a small report, loads it in
# headless Chromium and asserts that every chart was laid out and drawn, that
# the page logged nothing to the console, and that a screenshot was taken.
#
# Usage: browser_check.sh <workforce_report binary> <chromium> <scratch dir>
#
# The report itself carries no script. To measure what the browser rendered,
# the check loads a copy with a probe appended: for each chart it writes the
# laid-out size of the <svg> and how many of its shapes have a non-empty
# bounding box into the DOM, which --dump-dom then prints.
set -euo pipefail

report_bin=$1
chromium=$2
scratch=$3
charts=(chart-org chart-headcount chart-heatmap chart-ratings chart-ninebox chart-leave)

rm -rf "$scratch"
mkdir -p "$scratch"
"$report_bin" --employees 400 --store memory: --out "$scratch/out" > "$scratch/stdout.txt"
report=$(sed -n 's/^report: //p' "$scratch/stdout.txt" | tail -n 1)
if [ -z "$report" ] || [ ! -s "$report" ]; then
  echo "FAIL: the program did not print the path of a non-empty report.html" >&2
  cat "$scratch/stdout.txt" >&2
  exit 1
fi

# A profile of its own in the scratch folder, and no use of /dev/shm (small
# in containers), so the check runs the same on any machine.
browser=("$chromium" --headless=new --no-sandbox --disable-gpu --no-first-run
         --disable-dev-shm-usage --user-data-dir="$scratch/profile"
         --disable-extensions --allow-file-access-from-files
         --enable-logging=stderr --v=0 --window-size=1280,2400 --hide-scrollbars)

# 1. The report as a reader opens it: no console output, a screenshot.
(cd "$scratch" && timeout 120 "${browser[@]}" --screenshot="$scratch/report.png" "file://$report") \
  2> "$scratch/console.txt" > /dev/null
if grep -q ':CONSOLE' "$scratch/console.txt"; then
  echo "FAIL: the report logged to the browser console:" >&2
  grep ':CONSOLE' "$scratch/console.txt" >&2
  exit 1
fi
# A blank page of the same size compresses to a small PNG; a page with
# charts and tables is several times larger.
printf '<!doctype html><html><body></body></html>' > "$scratch/blank.html"
(cd "$scratch" && timeout 120 "${browser[@]}" --screenshot="$scratch/blank.png" "file://$scratch/blank.html") \
  > /dev/null 2>&1
shot_bytes=$(stat -c %s "$scratch/report.png" 2>/dev/null || echo 0)
blank_bytes=$(stat -c %s "$scratch/blank.png" 2>/dev/null || echo 0)
if [ "$blank_bytes" -eq 0 ] || [ "$shot_bytes" -lt $((3 * blank_bytes)) ]; then
  echo "FAIL: screenshot missing or nearly blank ($shot_bytes bytes; a blank page: $blank_bytes)" >&2
  exit 1
fi

# 2. A probed copy: what the browser laid out for each chart.
probe="$(dirname "$report")/report-probe.html"
ids=$(printf '"%s",' "${charts[@]}")
sed 's#</body>#<script>\
(function () {\
  var out = [];\
  [IDS].forEach(function (id) {\
    var svg = document.getElementById(id);\
    if (!svg) { out.push(id + " missing"); return; }\
    var box = svg.getBoundingClientRect();\
    var drawn = 0;\
    svg.querySelectorAll("rect,path,line,polyline,polygon,circle,text").forEach(function (s) {\
      var b = s.getBBox();\
      if (b.width > 0 || b.height > 0) drawn++;\
    });\
    out.push(id + " " + Math.round(box.width) + "x" + Math.round(box.height) + " drawn=" + drawn);\
  });\
  var pre = document.createElement("pre");\
  pre.id = "render-probe";\
  pre.textContent = out.join("\\n");\
  document.body.appendChild(pre);\
})();\
</script></body>#' "$report" | sed "s#\[IDS\]#[${ids%,}]#" > "$probe"
(cd "$scratch" && timeout 120 "${browser[@]}" --dump-dom "file://$probe") \
  > "$scratch/dom.html" 2> "$scratch/probe-console.txt"
rm -f "$probe"

status=0
for id in "${charts[@]}"; do
  line=$(sed -n "s/^\(.*\)\(${id} [0-9]*x[0-9]* drawn=[0-9]*\).*$/\2/p" "$scratch/dom.html" | head -n 1)
  if [ -z "$line" ]; then
    echo "FAIL: ${id}: not found in the rendered page" >&2
    status=1
    continue
  fi
  read -r _ size drawn <<< "$line"
  width=${size%x*}
  height=${size#*x}
  shapes=${drawn#drawn=}
  if [ "$width" -lt 50 ] || [ "$height" -lt 50 ] || [ "$shapes" -lt 3 ]; then
    echo "FAIL: ${id}: rendered ${size} with ${shapes} drawn shapes" >&2
    status=1
  else
    echo "ok: ${id}: ${size}, ${shapes} drawn shapes"
  fi
done
if [ "$status" -eq 0 ]; then
  echo "browser check passed: ${#charts[@]} charts rendered, no console output, screenshot $shot_bytes bytes"
fi
exit "$status"
