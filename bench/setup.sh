#!/usr/bin/env bash
# Set-up for `make bench` only: WeasyPrint (the peer renderer) and the Debian libraries it needs.
set -euo pipefail
python="$1"
if command -v apt-get >/dev/null && ! dpkg -s libpango-1.0-0 libpangoft2-1.0-0 >/dev/null 2>&1; then
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
    libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 >/dev/null
fi
"$python" -c "import weasyprint" 2>/dev/null || "$python" -m pip install --quiet -e '.[bench]'
