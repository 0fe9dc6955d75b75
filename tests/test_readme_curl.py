"""Every curl example in README.md, run as written (curl with --fail added) against a real
`zhibiao serve` of the bundled corpus: a URL the README shows must work when copied."""

from __future__ import annotations

import json
import re
import shlex
import subprocess
from pathlib import Path

import pytest
from site_server import Server

README = Path(__file__).resolve().parent.parent / "README.md"
HOST = "http://127.0.0.1:8001"


def curl_examples() -> list[str]:
    """The curl command lines of the README's shell blocks, comments dropped."""
    lines = []
    for block in re.findall(r"```sh\n(.*?)```", README.read_text(encoding="utf-8"), re.S):
        for line in block.splitlines():
            if line.strip().startswith("curl "):
                lines.append(re.sub(r"\s+#.*$", "", line.strip()))
    return lines


def test_the_readme_has_curl_examples():
    examples = curl_examples()
    assert len(examples) >= 10
    assert all(HOST in e for e in examples)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("readme-site")
    server = Server(tmp / "zhibiao.db", tmp / "serve.log")
    yield server
    server.stop()


@pytest.mark.parametrize("example", curl_examples())
def test_curl_example_works_as_written(server, example, tmp_path):
    (fact_id,) = server.query("select id from facts order by id limit 1")[0]
    command = (
        example.replace(HOST, server.base).replace("FACT_ID", fact_id).replace("curl ", "curl --fail ", 1)
    )
    first = command.split("|")[0]
    # The curl part alone must succeed (a pipe's exit status is its last command's).
    result = subprocess.run(["bash", "-c", first], cwd=tmp_path, capture_output=True, timeout=120)
    assert result.returncode == 0, (example, result.stderr.decode()[-500:])
    written = [tmp_path / a for a in _output_files(first)]
    body = written[0].read_bytes() if written else result.stdout
    assert body, example
    if ".json" in example:
        json.loads(body)
    if "|" in command:  # the pipeline as a reader runs it
        piped = subprocess.run(["bash", "-c", command], cwd=tmp_path, capture_output=True, timeout=120)
        assert piped.returncode == 0
        assert piped.stdout


def _output_files(command: str) -> list[str]:
    words = shlex.split(command)
    return [words[i + 1] for i, w in enumerate(words) if w == "-o"]
