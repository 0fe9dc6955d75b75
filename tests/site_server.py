"""A real `zhibiao serve` process and a recording browser page, for the tests that drive the site
as a user would (Debian Chromium through Playwright; see conftest.py's `browser`)."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from urllib.parse import urlsplit

from indicators.publish import ServerProcess

ARTIFACTS = Path(__file__).parent / "artifacts"
START_TIMEOUT_S = 300  # a first start builds the database from the bundled corpus


class Server(ServerProcess):
    """`zhibiao serve --db DB` in its own process; stopped (and reaped) at the end of the module."""

    def __init__(self, db_path: Path, log_path: Path):
        super().__init__(db_path, log_path, timeout=START_TIMEOUT_S)

    def query(self, sql: str, params=()) -> list[tuple]:
        conn = sqlite3.connect(f"file:{self.db_path}?mode=ro", uri=True)
        try:
            return conn.execute(sql, params).fetchall()
        finally:
            conn.close()


class Visit:
    """A browser page that records every request it makes, console errors and dialogs."""

    def __init__(self, browser, width=1280, height=900):
        self.context = browser.new_context(viewport={"width": width, "height": height}, locale="zh-CN")
        self.page = self.context.new_page()
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))

    def goto(self, url: str):
        response = self.page.goto(url)
        assert response.status == 200, url
        return self.page

    def screenshot(self, name: str, height: int = 1800) -> None:
        """The top `height` pixels of the page (what a reader sees first), in tests/artifacts/."""
        ARTIFACTS.mkdir(exist_ok=True)
        full = self.page.evaluate("document.documentElement.scrollHeight")
        clip = {"x": 0, "y": 0, "width": self.page.viewport_size["width"], "height": min(full, height)}
        self.page.screenshot(path=str(ARTIFACTS / name), full_page=True, clip=clip)

    def close(self) -> None:
        hosts = {urlsplit(u).hostname for u in self.requests if not u.startswith(("data:", "blob:"))}
        self.context.close()
        assert hosts == {"127.0.0.1"}, f"requests to other hosts: {hosts}"
        assert self.errors == []
        assert self.dialogs == []
