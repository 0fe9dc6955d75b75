"""Fixtures shared by the test modules: a real headless Chromium (Debian's, driven by Playwright)."""

from __future__ import annotations

import os

import pytest

CHROMIUM = "/usr/bin/chromium"
# The closed network refuses everything else: no GPU, no QUIC, no background fetches or updates.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="module")
def browser():
    """Debian's chromium through Playwright; nothing is downloaded. Module-scoped: Playwright's sync
    API keeps an event loop running while it is open, which the async tests of other modules need."""
    if not os.access(CHROMIUM, os.X_OK):
        pytest.fail("Debian chromium is missing: run `make system-deps` (.ci/system-deps.sh)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()
