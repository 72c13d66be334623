#!/usr/bin/env bash
# Installs Debian's chromium for the browser test (tests/browser/), quietly and only when needed:
# nothing happens when a chromium binary is already there, when apt-get is missing (macOS, other
# distributions) or when we may not install packages. Safe to run any number of times.
set -u

for bin in chromium chromium-browser; do
    if command -v "$bin" >/dev/null 2>&1; then
        exit 0
    fi
done

if ! command -v apt-get >/dev/null 2>&1; then
    echo "install_chromium: no apt-get here; the browser test will be skipped" >&2
    exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true >/dev/null 2>&1; then
        SUDO="sudo -n"
    else
        echo "install_chromium: not root and no sudo; the browser test will be skipped" >&2
        exit 0
    fi
fi

export DEBIAN_FRONTEND=noninteractive
if ! $SUDO apt-get install -y -qq --no-install-recommends chromium >/dev/null 2>&1; then
    $SUDO apt-get update -qq >/dev/null 2>&1 || true
    $SUDO apt-get install -y -qq --no-install-recommends chromium >/dev/null 2>&1 \
        || echo "install_chromium: apt-get could not install chromium; the browser test will be skipped" >&2
fi
exit 0
