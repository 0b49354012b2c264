#!/usr/bin/env bash
# Smoke test of the built app (`make dist-check`, run by .ci/run): every command and the window,
# with no Python and no virtual environment on the PATH, from a folder outside the checkout,
# so the templates, strategy bank, word list and fonts can only come from inside the bundle.
#
#   bash .ci/dist/smoke.sh dist/penportrait/penportrait
set -euo pipefail

APP="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
VERSION="$(sed -n 's/^__version__ = "\(.*\)"$/\1/p' "$ROOT/penportrait/__init__.py")"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
cd "$WORK"

# A bare environment: system folders only, a fresh home, offscreen Qt.
pp() {
  env -i PATH=/usr/bin:/bin HOME="$WORK/home" LANG=C.UTF-8 QT_QPA_PLATFORM=offscreen \
    "$APP" "$@"
}
step() { printf 'smoke: %s\n' "$*"; }
fail() { printf 'smoke: FAILED: %s\n' "$*" >&2; exit 1; }
mkdir -p "$WORK/home"

step "the version is $VERSION"
[ "$(pp --version)" = "PenPortrait $VERSION" ] || fail "--version says '$(pp --version)'"

step "demo writes the sample school"
pp demo school >/dev/null
[ -f school/school.json ] || fail "no school.json"

step "list and check"
pp list --data school | grep -q "Ollie Bennett" || fail "list has no Ollie Bennett"
pp check --data school >/dev/null || fail "check found problems in the sample school"

step "export a portrait to PDF and Word"
pp export --data school "Ollie Bennett" -o ollie.pdf >/dev/null
pp export --data school "Ollie Bennett" -o ollie.docx >/dev/null
[ "$(head -c 4 ollie.pdf)" = "%PDF" ] || fail "ollie.pdf is not a PDF"
[ "$(head -c 2 ollie.docx)" = "PK" ] || fail "ollie.docx is not a Word file"
if command -v pdfinfo >/dev/null; then
  [ "$(pdfinfo ollie.pdf | sed -n 's/^Pages: *//p')" = 1 ] || fail "ollie.pdf is not one page"
  # The page is set in the bundled Liberation Sans, whatever the machine has.
  pdffonts ollie.pdf | grep -q LiberationSans || fail "ollie.pdf is not in Liberation Sans"
  pdftotext ollie.pdf - | grep -q "How to help me" || fail "ollie.pdf lacks its headings"
fi
if command -v unzip >/dev/null; then
  unzip -p ollie.docx word/document.xml | grep -q "Ollie" || fail "ollie.docx lacks the pupil"
fi

step "a pack for a class"
pp pack --data school "4 Oak" -o pack.pdf >/dev/null
[ "$(head -c 4 pack.pdf)" = "%PDF" ] || fail "pack.pdf is not a PDF"

step "import a CSV export"
printf '%s\n' \
  "UPN,Legal Forename,Preferred Forename,Legal Surname,DOB,NC Year,Reg Group,SEN Status,SEN Need Type" \
  "K999200124001,Nadia,,Rahman,03/04/2018,Y4,4 Oak,K,Dyslexia" >mis.csv
pp import --data school mis.csv | grep -q "1 new" || fail "import did not add Nadia"
pp list --data school | grep -q "Nadia Rahman" || fail "Nadia is not listed after import"

step "a pupil's history"
pp history --data school "Ollie Bennett" >history.txt || fail "history of Ollie Bennett"

step "the window opens on the school and closes by itself"
start=$(date +%s)
pp --data school --quit-after 3 2>window.log || { cat window.log >&2; fail "the window"; }
[ $(($(date +%s) - start)) -ge 3 ] || fail "the window closed before its time"

step "passed"
