"""Clean text: HTML junk, entities, line ends, full-width digits and signs, spaces inside numbers."""

from __future__ import annotations

import html
import re

# Full-width digits, Latin letters and the signs that appear inside numbers, mapped to ASCII.
# Chinese punctuation (，。：；（）) stays as written: evidence is quoted from the document.
_FULLWIDTH = {cp: cp - 0xFEE0 for cp in range(0xFF10, 0xFF1A)}  # ０-９
_FULLWIDTH |= {cp: cp - 0xFEE0 for cp in range(0xFF21, 0xFF3B)}  # Ａ-Ｚ
_FULLWIDTH |= {cp: cp - 0xFEE0 for cp in range(0xFF41, 0xFF5B)}  # ａ-ｚ
_FULLWIDTH |= {
    ord("％"): "%",
    ord("．"): ".",
    ord("＋"): "+",
    ord("－"): "-",
    ord("／"): "/",
    ord("～"): "~",
    ord("＜"): "<",
    ord("＞"): ">",
    ord("＝"): "=",
    0x3000: " ",  # ideographic space
    0x00A0: " ",  # &nbsp;
    0x200B: None,  # zero-width space
    0x200C: None,
    0x200D: None,
    0xFEFF: None,  # BOM inside the text
}

_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)\b[^<>]{0,2000}>")
_SCRIPT = re.compile(r"<(script|style)\b[^<>]{0,2000}>.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_BLOCK_TAGS = {
    "p",
    "div",
    "br",
    "li",
    "tr",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "section",
    "table",
    "ul",
    "ol",
}
_HTML_HINT = re.compile(r"</?(?:p|div|br|span|section|strong|img|a|li|table|script|style)\b", re.IGNORECASE)
_CJK = "\u3400-\u9fff\uf900-\ufaff"
# A space between a Chinese character and a digit is a typesetting artefact (发放 6 亿元, 2025 年).
_SPACE_IN_NUMBER = re.compile(rf"(?<=[{_CJK}])[ \t]+(?=[0-9])|(?<=[0-9])[ \t]+(?=[{_CJK}%])")
_SPACES = re.compile(r"[ \t\f\v]+")
_BLANK_RUNS = re.compile(r"\n{3,}")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def strip_html(text: str) -> str:
    """Tags out, block tags become line breaks, scripts and styles dropped; entities decoded."""
    if _HTML_HINT.search(text):
        text = _SCRIPT.sub("", text)

        def tag(m: re.Match) -> str:
            return "\n" if m.group(2).lower() in _BLOCK_TAGS else ""

        text = _TAG.sub(tag, text)
    if "&" in text:
        text = html.unescape(text)
    return text


def normalize(text: str) -> str:
    """The text zhibiao extracts from and quotes as evidence: offsets refer to this string."""
    text = strip_html(text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.translate(_FULLWIDTH)
    text = _CONTROL.sub("", text)
    text = _SPACE_IN_NUMBER.sub("", text)
    text = _SPACES.sub(" ", text)
    lines = [line.strip() for line in text.split("\n")]
    return _BLANK_RUNS.sub("\n\n", "\n".join(lines)).strip("\n")
