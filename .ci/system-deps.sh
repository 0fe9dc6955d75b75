#!/bin/sh
# Install the Debian packages zhibiao needs when they are missing: chromium + chromium-driver
# (browser tests) and a CJK font (charts rendered by vl-convert). Nothing is downloaded otherwise.
set -e
missing=""
command -v chromium >/dev/null 2>&1 || missing="$missing chromium"
command -v chromedriver >/dev/null 2>&1 || missing="$missing chromium-driver"
fc-list 2>/dev/null | grep -qi "wenquanyi\|wqy" || missing="$missing fonts-wqy-microhei"
[ -z "$missing" ] && exit 0
echo "installing Debian packages:$missing" >&2
SUDO=""
[ "$(id -u)" = 0 ] || SUDO="sudo"
$SUDO apt-get update -qq >/dev/null
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $missing >/dev/null
