"""Readers: bulletins, newspaper pages, WeChat JSON exports, encodings, bad files."""

import json
import os
from pathlib import Path

import pytest

from extractors import sources
from extractors.sources import SourceError, bundled_corpus, read_file, read_paths

BULLETIN = """ 科创聚焦

上海成立长三角先进制造业发展研究院

日前，上海长三角先进制造业发展研究院正式成立。
经济热点

江苏启动数据企业入库培育

江苏省数据局近日发布通知，全面启动该省数据企业入库培育工作。
域外动态

广东东莞重点实施六大工程建设“全球智造中心”

日前，广东东莞发布方案，打造50个以上工业垂直领域大模型。
"""

NEWSPAPER = """ 地方新闻

本报讯 7 月 29 日下午，河北
省人民政府新闻办公室召开 2025
年上半年河北省工业经济发展情
况新闻发布会。河北上半年规模
以上工业增加值增长7.4%。给予最高 5000

万元支持。

（冀 讯）

河北下半年将推动1万家企业上云

本报讯 日前，天津市工业和
信息化局修订印发实施细则，支
持制造业高质量发展。

（津 讯）

上海发放算力券推进上海发放算力券推进““模塑申城模塑申城””
""" + "\n".join("填充行文字内容示例十五个字符" for _ in range(30))


def write(tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


def test_bulletin_sections_and_regions(tmp_path):
    doc = read_file(write(tmp_path, "b.txt", BULLETIN))[0]
    assert doc.source_kind == "bulletin"
    assert [(s.heading, s.region) for s in doc.sections] == [
        ("科创聚焦", "上海"),
        ("经济热点", "江苏"),
        ("域外动态", "东莞"),
    ]
    assert doc.sections[1].title == "江苏启动数据企业入库培育"
    assert doc.text[doc.sections[1].start :].startswith("江苏启动")


def test_bundled_bulletin_has_its_articles():
    doc = read_file(bundled_corpus() / "001_1ac979fa05646563.txt")[0]
    regions = {s.region for s in doc.sections}
    assert {"上海", "江苏", "山东", "深圳"} <= regions
    assert len(doc.sections) >= 15


def test_newspaper_lines_rejoined_and_stories_split(tmp_path):
    doc = read_file(write(tmp_path, "n.txt", NEWSPAPER))[0]
    assert doc.source_kind == "newspaper"
    assert "召开2025年上半年河北省工业经济发展情况新闻发布会。" in doc.text  # wrapped line and spaced number
    assert "规模以上工业增加值增长7.4%" in doc.text
    assert "最高5000万元支持" in doc.text  # a number broken across lines and a blank line
    assert "上海发放算力券推进“模塑申城”" in doc.text  # the doubled headline
    assert "推进上海发放" not in doc.text
    stories = [s.region for s in doc.sections]
    assert stories[-2:] == ["河北", "天津"] or stories[1:3] == ["河北", "天津"]


def test_wechat_export(tmp_path):
    articles = [
        {
            "文章标识符aid": "2650700360_1",
            "标题title": "上海2025工业“成绩单”",
            "链接url": "http://mp.weixin.qq.com/s?x=1",
            "时间time": "2026-01-24",
            "公众号名称": "上海经信委",
            "finalContent": "\r\r过去一年，上海实现地区生产总值5.67万亿元。&nbsp;\r\r欢迎转发",
        }
    ]
    docs = read_file(write(tmp_path, "004_export.txt", json.dumps(articles, ensure_ascii=False)))
    assert len(docs) == 1
    doc = docs[0]
    assert (doc.id, doc.source_kind, doc.published, doc.publisher) == (
        "2650700360_1",
        "wechat",
        "2026-01-24",
        "上海经信委",
    )
    assert doc.url == "http://mp.weixin.qq.com/s?x=1"
    assert doc.text.startswith("上海2025工业“成绩单”\n\n")  # the title is a sentence of its own
    assert "\r" not in doc.text
    assert "&nbsp;" not in doc.text
    assert "\xa0" not in doc.text
    assert "过去一年，上海实现地区生产总值5.67万亿元。" in doc.text


def test_the_bundled_export_is_recognised_by_its_content():
    docs = read_file(bundled_corpus() / "004_1f0f01195aa62d47.txt")
    assert len(docs) == 80
    assert all(d.source_kind == "wechat" and d.published.startswith("2026-01") for d in docs)


@pytest.mark.parametrize(
    ("encoding", "prefix"),
    [("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"), ("gb18030", b""), ("gbk", b""), ("utf-16", b"")],
)
def test_encodings(tmp_path, encoding, prefix):
    text = "2025年上海实现地区生产总值5.67万亿元，同比增长5.4%。工业投资同比增长20.0%。" * 3
    doc = read_file(write(tmp_path, "e.txt", prefix + text.encode(encoding)))[0]
    assert "地区生产总值5.67万亿元" in doc.text
    assert not doc.text.startswith("\ufeff")


def test_fullwidth_digits_and_spaces_in_numbers(tmp_path):
    doc = read_file(
        write(
            tmp_path,
            "f.txt",
            "２０２５年上海实现地区生产总值５．６７万亿元，增长５．４％。发放 6 亿元算力券。",
        )
    )[0]
    assert "2025年上海实现地区生产总值5.67万亿元，增长5.4%。" in doc.text
    assert "发放6亿元算力券" in doc.text


def test_html_junk_is_cleaned(tmp_path):
    html = "<div><p>上海实现地区生产总值5.67万亿元&nbsp;</p><script>alert(1)</script><br/>同比增长5.4%</div>"
    doc = read_file(write(tmp_path, "h.txt", html))[0]
    assert "<" not in doc.text
    assert "alert" not in doc.text
    assert "上海实现地区生产总值5.67万亿元" in doc.text


def test_published_from_the_text_or_the_option(tmp_path):
    dated = read_file(write(tmp_path, "d.txt", "发布时间：2025年11月3日\n上海实现地区生产总值5.67万亿元。"))[
        0
    ]
    assert dated.published == "2025-11-03"
    undated = read_file(write(tmp_path, "u.txt", "上海实现地区生产总值5.67万亿元。"), published="2026-01-21")[
        0
    ]
    assert undated.published == "2026-01-21"


def test_a_directory_reads_every_supported_file(tmp_path):
    write(tmp_path, "a.txt", "上海实现地区生产总值5.67万亿元。")
    write(tmp_path, "b.json", json.dumps([{"aid": "x1", "title": "t", "content": "c"}]))
    write(tmp_path, "c.png", b"\x89PNG\r\n\x1a\n")
    ids = [d.id for d in read_paths([tmp_path])]
    assert ids == ["a", "x1"]


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("broken.json", '[{"文章标识符aid": "1", "finalContent": "x"', "broken JSON at line 1"),
        ("shape.json", '{"rows": [1, 2]}', "JSON of another shape"),
        ("list.json", "[1, 2, 3]", "JSON of another shape"),
        ("empty.txt", "", "empty file"),
        ("blank.txt", "   \n\n ", "empty file"),
        ("binary.txt", bytes(range(256)) * 10, "binary file"),
        ("tags.txt", "<div><script>x</script></div>", "no text left"),
    ],
)
def test_bad_files_name_the_file_and_the_reason(tmp_path, name, data, reason):
    path = write(tmp_path, name, data)
    with pytest.raises(SourceError) as info:
        read_file(path)
    assert str(path) in str(info.value)
    assert reason in str(info.value)


def test_bad_files_do_not_stop_the_others(tmp_path):
    write(tmp_path, "1.txt", "")
    write(tmp_path, "2.txt", "上海实现地区生产总值5.67万亿元。")
    results = list(read_paths([tmp_path]))
    assert isinstance(results[0], SourceError)
    assert results[1].id == "2"


def test_a_huge_single_line_file(tmp_path):
    line = "上海实现地区生产总值5.67万亿元，同比增长5.4%，" * 120000  # about 5 MB
    doc = read_file(write(tmp_path, "big.txt", line))[0]
    assert len(doc.text) == len(line)


# Reliability (issue 12): what a file is, how much of it is read.


def test_a_fifo_is_refused_without_waiting(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)  # nobody ever writes to it: reading would wait forever
    with pytest.raises(SourceError, match=r"pipe.txt: a FIFO \(named pipe\), not a regular file"):
        read_file(fifo)


@pytest.mark.parametrize(
    ("device", "kind"), [("/dev/zero", "a character device"), ("/dev/null", "a character device")]
)
def test_a_device_is_refused(device, kind):
    with pytest.raises(SourceError, match=f"{device}: {kind}, not a regular file"):
        read_file(device)


def test_the_size_limit_holds_while_reading(tmp_path, monkeypatch):
    monkeypatch.setattr(sources, "MAX_BYTES", 1000)
    path = write(tmp_path, "long.txt", "上海" * 1000)  # 6000 bytes
    with pytest.raises(SourceError, match=r"long.txt: file too large \(more than 1000 bytes"):
        sources.load_bytes(path)


@pytest.mark.parametrize("depth", [1000, 100_000])
def test_deeply_nested_json_is_named(tmp_path, depth):
    path = write(tmp_path, "deep.json", "[" * depth + "]" * depth)
    with pytest.raises(SourceError, match="deep.json: JSON nested too deeply"):
        read_file(path)


def test_deep_json_inside_an_article_is_named(tmp_path):
    nested = "[" * 5000 + "]" * 5000
    path = write(tmp_path, "x.json", f'[{{"aid": "1", "content": "正文", "extra": {nested}}}]')
    with pytest.raises(SourceError, match="x.json: JSON nested too deeply"):
        read_file(path)


def test_bundled_and_shared_corpora_have_unique_ids():
    # The gold keys facts by these ids: the uniqueness rule must not change or refuse any of them.
    shared = Path(__file__).resolve().parents[2] / "shared" / "devdocs"
    results = list(read_paths([bundled_corpus(), *([shared] if shared.is_dir() else [])]))
    assert not [str(r) for r in results if isinstance(r, SourceError)]
    assert len({r.id for r in results}) == len(results)
