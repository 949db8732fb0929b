# Debian packages Check-in Desk needs; sourced by scripts/desk, scripts/test and .ci/run.
# shellcheck shell=bash

# What Qt's xcb platform, QtMultimedia (sounds) and the names on screen need on a bare Debian 12.
DESK_PACKAGES=(
  libegl1 libgl1 libfontconfig1 libdbus-1-3 libxkbcommon0 libxkbcommon-x11-0
  libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 libxcb-render-util0
  libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 libpulse0 fonts-noto-core fonts-wqy-zenhei
)
# What the tests start for real: a screen for screenshots, a CUPS queue that writes PDFs,
# a PostgreSQL server for several desks, pdftoppm to look at rendered badges, and the X
# keymap tools (setxkbmap, xkbcomp) for the scanner tests with real key events.
TEST_PACKAGES=(xvfb xauth openbox cups cups-client printer-driver-cups-pdf postgresql poppler-utils x11-xkb-utils)

missing_packages() {
  local package
  for package in "$@"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || echo "$package"
  done
}

# Installs what is missing: as root directly, otherwise through sudo if it does not ask.
ensure_packages() {
  command -v dpkg-query >/dev/null || { echo "Not a Debian system: install the equivalents of: $*" >&2; return 0; }
  local missing
  missing=$(missing_packages "$@" | tr '\n' ' ')
  [ -z "${missing// /}" ] && return 0
  local run=()
  if [ "$(id -u)" -ne 0 ]; then
    if sudo -n true 2>/dev/null; then run=(sudo -n); else
      echo "Please install these Debian packages first: sudo apt-get install $missing" >&2
      return 1
    fi
  fi
  echo "Installing Debian packages: $missing"
  "${run[@]}" apt-get update -qq
  # shellcheck disable=SC2086
  DEBIAN_FRONTEND=noninteractive "${run[@]}" apt-get install -y -qq --no-install-recommends $missing >/dev/null
}
