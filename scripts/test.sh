#!/usr/bin/env bash
# `npm test` / .ci/run: install what the tests need, then run every check and test:
# ESLint, Prettier check, type check, Vitest (unit), build, Playwright (end to end, real Chromium).
# Ends with one line "N passed, N failed" (unit + e2e tests; a failed lint/format/type/build check counts as failed).
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
# Not test-results/: Playwright empties that folder when it starts, which would delete the unit report.
REPORTS="$ROOT/reports"
mkdir -p "$REPORTS"
export NPM_CONFIG_UPDATE_NOTIFIER=false NPM_CONFIG_FUND=false NPM_CONFIG_AUDIT=false

log() { printf '\n== %s\n' "$*"; }

# ---------------------------------------------------------------- Node
if ! node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a===20&&b>=19)?0:1)'; then
  echo "dtx-lab needs Node >= 20.19 (found $(node --version 2>/dev/null || echo none))" >&2
  echo "0 passed, 1 failed"
  exit 1
fi

# ---------------------------------------------------------------- npm packages (npm ci when missing or stale)
# Stale: package-lock.json changed since the last install here and `npm ls` finds missing or wrong packages.
LOCK_SUM=$(sha256sum package-lock.json | cut -d' ' -f1)
STAMP=node_modules/.dtx-lock-sum
if [ -d node_modules ] && { [ "$(cat "$STAMP" 2>/dev/null)" = "$LOCK_SUM" ] || npm ls --depth=0 >/dev/null 2>&1; }; then
  echo "$LOCK_SUM" > "$STAMP"
else
  log "npm ci"
  if npm ci --no-audit --no-fund; then
    echo "$LOCK_SUM" > "$STAMP"
  else
    echo "npm ci failed" >&2
    echo "0 passed, 1 failed"
    exit 1
  fi
fi

# ---------------------------------------------------------------- Chromium for Playwright
if [ -z "${CHROMIUM_PATH:-}" ] && [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    log "apt-get install chromium"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) ||
      echo "apt-get could not install chromium" >&2
  fi
  if [ ! -x /usr/bin/chromium ]; then
    log "npx playwright install chromium (no Debian chromium)"
    npx playwright install chromium || echo "could not install a browser: end-to-end tests will fail" >&2
  fi
fi

# ---------------------------------------------------------------- a CJK font for the Chinese UI
# Without one, Chromium draws every Chinese glyph as a box: the zh end-to-end tests (e2e/presenter.spec.ts checks
# for boxes) and any recording made on this machine would show them.
if command -v fc-list >/dev/null 2>&1 && [ -z "$(fc-list :lang=zh 2>/dev/null)" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    log "apt-get install fonts-noto-cjk (no CJK font)"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-noto-cjk >/dev/null) ||
      echo "apt-get could not install fonts-noto-cjk: Chinese text will render as boxes" >&2
  else
    echo "No CJK font (fc-list :lang=zh is empty): install fonts-noto-cjk or fonts-wqy-microhei" >&2
  fi
fi

# ---------------------------------------------------------------- ffmpeg for the walkthrough recorder
# e2e/walkthrough.spec.ts records a short walkthrough and checks its video with ffprobe (TOOLCHAIN.md: Debian's ffmpeg).
if ! command -v ffmpeg >/dev/null 2>&1 || ! command -v ffprobe >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    log "apt-get install ffmpeg"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ffmpeg >/dev/null) ||
      echo "apt-get could not install ffmpeg: the walkthrough test will fail" >&2
  else
    echo "No ffmpeg: install it (apt-get install ffmpeg) for the walkthrough recorder and its test" >&2
  fi
fi

# ---------------------------------------------------------------- checks
FAILED_CHECKS=()
check() {
  local name=$1
  shift
  log "$name: $*"
  if "$@"; then echo "$name: ok"; else
    echo "$name: FAILED"
    FAILED_CHECKS+=("$name")
  fi
}

check lint npx eslint .
check format npx prettier --check .
check typecheck npx tsc -b

rm -f "$REPORTS/unit.json" "$REPORTS/e2e.json"
check unit npx vitest run --reporter=default --reporter=json --outputFile.json="$REPORTS/unit.json"

E2E_RAN=0
if [ -d e2e ] && ls e2e/*.spec.ts >/dev/null 2>&1; then
  check build npx vite build --logLevel warn
  if [[ " ${FAILED_CHECKS[*]-} " != *" build "* ]]; then
    E2E_RAN=1
    # playwright.config.ts writes reports/e2e.json; SKIP_BUILD: it only starts `vite preview` of this build.
    check e2e env SKIP_BUILD=1 npx playwright test
  fi
else
  log "e2e: no Playwright tests in e2e/ yet"
fi

# ---------------------------------------------------------------- totals
read -r UNIT_P UNIT_F < <(node -e '
  const fs = require("fs");
  try {
    const r = JSON.parse(fs.readFileSync(process.argv[1], "utf8"));
    // A test file that fails to load has no tests: count it as one failure.
    const broken = (r.testResults ?? []).filter((t) => t.status === "failed" && !(t.assertionResults ?? []).length).length;
    console.log(r.numPassedTests ?? 0, (r.numFailedTests ?? 0) + broken);
  } catch { console.log(0, 1); } // no report: the run did not finish — a failure, never a silent 0' "$REPORTS/unit.json")
read -r E2E_P E2E_F < <(node -e '
  const fs = require("fs");
  try {
    const s = JSON.parse(fs.readFileSync(process.argv[1], "utf8")).stats;
    console.log((s.expected ?? 0) + (s.flaky ?? 0), s.unexpected ?? 0);
  } catch { console.log(0, process.argv[2] === "1" ? 1 : 0); }' "$REPORTS/e2e.json" "$E2E_RAN")

CHECK_F=0
for c in "${FAILED_CHECKS[@]+"${FAILED_CHECKS[@]}"}"; do
  case $c in
    unit) [ "$UNIT_F" -gt 0 ] || CHECK_F=$((CHECK_F + 1)) ;; # failed without failing tests: a crash or a bad config
    e2e) [ "$E2E_F" -gt 0 ] || CHECK_F=$((CHECK_F + 1)) ;;
    *) CHECK_F=$((CHECK_F + 1)) ;;
  esac
done
[ "$E2E_RAN" = 1 ] || echo "(end-to-end tests did not run)"

PASSED=$((UNIT_P + E2E_P))
FAILED=$((UNIT_F + E2E_F + CHECK_F))
echo
echo "unit: $UNIT_P passed, $UNIT_F failed; e2e: $E2E_P passed, $E2E_F failed; failed checks: ${FAILED_CHECKS[*]:-none}"
echo "$PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
