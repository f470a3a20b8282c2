"""Pages read without a network: encodings, menus, list templates and their traps, hidden links."""

from __future__ import annotations

import datetime as dt

import pytest

from console.patrol.content import digest, main_text
from console.patrol.fetching import Fetched
from console.patrol.hidden import hidden_links, hides
from console.patrol.lists import list_items
from console.patrol.markup import anchors, parse
from console.patrol.navigation import EXACT, NORMALISED, discover
from console.patrol.reading import read_page, text_of
from console.patrol.targets import Domains
from console.probes.page import decode
from tests.patrol_server import MALFORMED
from tests.patrol_sites import FORMS, TODAY, generate, home_page, list_page, render

TITLE = "关于做好冬季安全生产工作的通知"
HOST = "http://www.s1.patrol.gov.cn"


def fetched(page: str, url: str = f"{HOST}/", charset: str = "utf-8", label: str | None = None):
    return Fetched(url, url, 200, body=page.encode(charset), charset=label)


@pytest.mark.parametrize(
    ("charset", "label"),
    [
        ("utf-8", "utf-8"),
        ("utf-8", None),
        ("gbk", "gbk"),
        ("gbk", "gb2312"),
        ("gb18030", None),  # unlabelled GBK-family pages are common
        ("gbk", "utf-8"),  # mislabelled: the header says UTF-8, the bytes are GBK
        ("utf-8", "gbk"),  # mislabelled the other way
        ("gbk", "iso-8859-1"),  # HTTP's old default says nothing
    ],
)
def test_pages_read_right_whatever_their_label_says(charset: str, label: str | None) -> None:
    page = f'<html><head><meta charset="{label or ""}"></head><body>{TITLE}，請查收</body></html>'
    assert f"{TITLE}，請查收" in decode(page.encode(charset), label)


def test_a_utf8_byte_order_mark_is_dropped() -> None:
    assert decode(b"\xef\xbb\xbf" + TITLE.encode(), "gbk") == TITLE


def test_the_menu_finds_columns_exactly_then_after_normalisation() -> None:
    links = [
        (f"{HOST}/", "首页"),
        (f"{HOST}/zwgk/", "政務公開"),  # traditional characters
        (f"{HOST}/tzgg/", "通知　公告"),  # a full-width space
        (f"{HOST}/xwdt/", "新闻动态"),
        (f"{HOST}/xwdt-2/", "新闻动态"),  # a footer repeat: the menu's link came first
        ("http://other.example.com/zcwj/", "政策文件"),  # off the site: not its column
        (f"{HOST}/ZCJD/", "ＺＣＪＤ政策解读"),
    ]
    names = {
        "a": "政务公开",
        "b": "通知公告",
        "c": "新闻动态",
        "d": "政策文件",
        "e": "zcjd政策解读",
    }
    found = discover(names, links, lambda url: url.startswith(HOST))
    assert {code: (f.url.removeprefix(HOST), f.how) for code, f in found.items()} == {
        "a": ("/zwgk/", NORMALISED),
        "b": ("/tzgg/", EXACT),  # white space aside
        "c": ("/xwdt/", EXACT),
        "e": ("/ZCJD/", NORMALISED),
    }


def _items(page: str, columns: frozenset[str] = frozenset()):
    root = parse(page)
    if root is None:
        return []
    links, _total = anchors(root, f"{HOST}/c01/")
    return list_items(links, TODAY, columns)


@pytest.mark.parametrize("form", FORMS)
def test_each_list_template_gives_its_items_with_their_dates(form: str) -> None:
    site = generate(3, columns=len(FORMS) * 2)
    column = next(c for c in site.columns if c.form == form)
    menu = frozenset(f"{HOST}{c.path}" for c in site.columns)
    items = _items(list_page(site, column), menu)
    assert [(i.url, i.title, i.date) for i in items] == [
        (f"{HOST}{e.path}", e.title, None if form == "undated" else e.date) for e in column.shown()
    ]


def test_a_pinned_old_item_a_date_in_a_title_and_a_future_item_fool_nobody() -> None:
    site = generate(3, columns=6)
    column = site.columns[0]  # the traps are in the first column
    items = _items(list_page(site, column), frozenset(f"{HOST}{c.path}" for c in site.columns))
    trap = next(i for i in items if "2099" in i.title)
    assert trap.date == next(e.date for e in column.entries if "2099" in e.title)
    assert max(i.date for i in items if i.date) > TODAY  # the future item is read as it is
    pinned = generate(3, columns=6).columns[1]
    assert pinned.pinned is not None
    listed = _items(list_page(site, pinned))
    assert listed[0].date == dt.date(2019, 3, 1) and listed[1].date > listed[0].date


def test_menus_pagination_and_footers_are_not_items() -> None:
    site = generate(5, columns=3)
    items = _items(list_page(site, site.columns[0]))
    assert all("/c01/" in i.url and not i.url.endswith("index_1.html") for i in items)


def test_a_page_without_a_list_has_no_items() -> None:
    assert _items("<html><body><a href='/a'>首页</a><a href='/b'>无障碍</a></body></html>") == []
    assert _items("") == []


def test_malformed_markup_still_yields_what_of_its_list_can_be_read() -> None:
    # libxml2 nests the unclosed rows inside one another; the rows it keeps apart are read.
    items = _items(MALFORMED)
    expected = {"a.html": dt.date(2026, 12, 1), "b.html": dt.date(2026, 11, 20),
                "c.html": dt.date(2026, 11, 2)}  # fmt: skip
    assert len(items) >= 2
    assert all(expected[i.url.rsplit("/", 1)[1]] == i.date for i in items)


@pytest.mark.parametrize(
    "style",
    [
        "display:none",
        "DISPLAY: NONE !important",
        "visibility: hidden",
        "width:0;height:0;overflow:hidden",
        "height: 0px",
        "font-size:0",
        "position:absolute; left:-9999px",
        "position:absolute;top:-3000px",
        "text-indent:-10000px",
    ],
)
def test_styles_that_hide(style: str) -> None:
    assert hides(style)


@pytest.mark.parametrize(
    "style", ["display:block", "width:100px", "min-width:0", "left:-20px", "line-height:0.5"]
)
def test_styles_that_do_not_hide(style: str) -> None:
    assert not hides(style)


def test_hidden_links_out_of_the_cluster_are_flagged_with_what_hides_them() -> None:
    page = (
        "<html><head><style>/* a */ #gg, .x .hd { position:absolute; left:-5000px }</style>"
        "</head><body>"
        '<a href="http://visible.example.com/">看得见的外链</a>'
        '<div style="display:none"><p><a href="http://casino.example.com/">娱乐</a></p>'
        '<a href="http://www.s2.patrol.gov.cn/">站群内的站点</a></div>'
        '<span class="hd"><a href="http://a.example.net/">药</a></span>'
        '<ul id="gg"><li><a href="http://b.example.net/">贷款</a></li></ul>'
        '<a hidden href="http://c.example.net/">c</a>'
        '<p style="width:0;overflow:hidden"><a href="http://d.example.net/">d</a></p>'
        "</body></html>"
    )
    root = parse(page)
    assert root is not None
    links, _total = anchors(root, f"{HOST}/")
    cluster = Domains(["patrol.gov.cn"])
    found = {h.url: h.snippet for h in hidden_links(root, links, f"{HOST}/", cluster.__contains__)}
    assert found == {
        "http://casino.example.com/": '<div style="display:none">',
        "http://a.example.net/": ".x .hd {position:absolute; left:-5000px}",
        "http://b.example.net/": "#gg {position:absolute; left:-5000px}",
        "http://c.example.net/": "<a hidden>",
        "http://d.example.net/": '<p style="width:0;overflow:hidden">',
    }


def test_the_generated_home_page_reads_as_a_visitor_sees_it() -> None:
    site = generate(2, charset="gbk", label="utf-8")
    facts = read_page(
        fetched(home_page(site), charset="gbk", label="utf-8"),
        TODAY,
        Domains([site.host]).__contains__,
    )
    texts = dict((text, url) for url, text in facts.links)
    assert texts["政務公開"] == f"http://{site.host}/c01/" and "规划计划" not in texts
    assert {h.url for h in facts.hidden} == {
        "http://casino.example.com/",
        "http://pills.example.net/buy",
    }


def test_an_articles_main_text_leaves_the_menu_and_footer_out() -> None:
    site = generate(2)
    entry = site.columns[1].entries[0]
    status, page, _location = render(site, entry.path)
    text = main_text(text_of(fetched(page)))
    assert status == 200
    assert entry.body.split("。")[0] in text
    assert "网站标识码" not in text and "政務公開" not in text
    assert digest(text) == digest("  " + text.replace("\n", " \n ")) != digest(text + "。")
