"""The one Altair theme of zhibiao, registered and enabled on import, and the CJK font for vl-convert.

vl-convert draws text with the fonts it knows; a font name it cannot find draws nothing at all, so
a Chinese label came out as empty boxes or blank space until a CJK font was installed
(`.ci/system-deps.sh` installs Debian's fonts-wqy-microhei) and named here.
"""

from __future__ import annotations

from pathlib import Path

import altair as alt
import vl_convert as vlc

THEME = "zhibiao"
# The first family is what vl-convert uses; the others are for browsers on machines without it.
CJK_FONT = "WenQuanYi Micro Hei"
FONT = f"{CJK_FONT}, Noto Sans CJK SC, Source Han Sans SC, PingFang SC, Microsoft YaHei, sans-serif"
FONT_DIRS = (
    Path("/usr/share/fonts/truetype/wqy"),  # Debian fonts-wqy-microhei
    Path("/usr/share/fonts/opentype/noto"),  # Debian fonts-noto-cjk
)

KIND_COLORS = {"实际值": "#1f5aa6", "预计值": "#e08a00", "目标值": "#c62828"}
STATUS_COLORS = {
    "已完成": "#2e7d32",
    "进度正常": "#7cb342",
    "进行中": "#fbc02d",
    "进度落后": "#e53935",
    "未到期": "#90a4ae",
    "暂无实际值": "#cfd8dc",
}

_fonts_registered = False


class NoCJKFont(Exception):
    """No CJK font directory found: install Debian's fonts-wqy-microhei (make system-deps)"""


def register_fonts() -> Path:
    """Register the first CJK font directory found with vl-convert, once; return it."""
    global _fonts_registered
    for directory in FONT_DIRS:
        if directory.is_dir():
            if not _fonts_registered:
                vlc.register_font_directory(str(directory))
                _fonts_registered = True
            return directory
    raise NoCJKFont(NoCJKFont.__doc__ + f"; looked in {', '.join(map(str, FONT_DIRS))}")


@alt.theme.register(THEME, enable=True)
def zhibiao_theme() -> alt.theme.ThemeConfig:
    """Font on every text, readable sizes, a white background (PNG files go into reports)."""
    return {
        "config": {
            "font": FONT,
            "background": "white",
            "padding": 10,
            "view": {"continuousWidth": 560, "continuousHeight": 280, "stroke": "#ddd"},
            "title": {"font": FONT, "fontSize": 16, "anchor": "start", "subtitleFontSize": 12},
            "axis": {
                "labelFont": FONT,
                "titleFont": FONT,
                "labelFontSize": 12,
                "titleFontSize": 12,
                "titleFontWeight": "normal",
                "gridColor": "#eee",
            },
            "legend": {"labelFont": FONT, "titleFont": FONT, "labelFontSize": 12, "titleFontSize": 12},
            "header": {"labelFont": FONT, "titleFont": FONT, "labelFontSize": 13, "titleFontSize": 13},
            "text": {"font": FONT, "fontSize": 11},
        }
    }
