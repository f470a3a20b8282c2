"""Government-style sites for patrol tests and the patrol benchmark, deterministic from a seed.

A ``GovSite`` is a model (columns, items, articles, footer links, hidden links) that renders
its pages on request: a home page with a navigation menu (some names in traditional
characters or spaced, one column missing), list pages in each date form and template
(``<ul>`` with the date after, a table, nested ``<div>`` rows, the date in brackets before the
title, the date inside the link, no dates at all), a pinned older item, a date inside a
title, an item dated in the future, pagination, articles, broken links, a redirect to a
foreign host and hidden links. ``expected_*`` say what a correct patrol finds.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
from dataclasses import dataclass, field
from html import escape

TODAY = dt.date(2026, 12, 7)
DOMAIN = "patrol.gov.cn"
FOREIGN = "http://ads.example.com/landing"
HIDDEN_TARGETS = ("http://casino.example.com/", "http://pills.example.net/buy")
FORMS = ("iso", "table", "rows", "bracket", "inside", "undated")
NAMES = (
    "政务公开", "新闻动态", "通知公告", "政策文件", "政策解读", "人事信息", "财政信息",
    "规划计划", "统计信息", "部门动态", "乡镇动态", "公示公告", "互动交流", "领导信箱",
    "征集调查", "办事服务", "重点领域", "应急管理", "建议提案", "机构职能", "领导简介",
    "法规文件", "专题专栏", "图片新闻", "视频新闻", "工作动态", "招标采购", "人才招聘",
    "回应关切", "年度报告",
)  # fmt: skip
# How a menu may write a column's name: traditional characters, spaced, full-width.
VARIANTS = {"政务公开": "政務公開", "通知公告": "通知　公告", "政策文件": "政策 文件"}
MISSING = "规划计划"  # never in the menu: the column has no address
SENTENCES = (
    "为进一步做好相关工作，经研究决定，现将有关事项通知如下。",
    "各地各部门要提高思想认识，压实工作责任，确保各项措施落到实处。",
    "请各单位结合实际认真贯彻执行，执行中遇到的问题及时报告。",
    "本通知自印发之日起施行，由市人民政府办公室负责解释。",
)


@dataclass(frozen=True)
class Entry:
    """An item of a list page, and the article it links to."""

    path: str
    title: str
    date: dt.date | None
    body: str
    exists: bool = True  # False: the link is broken (404)


@dataclass
class Column:
    """A column of a site: its code, name, menu text, list template and items."""

    code: str
    name: str
    path: str
    form: str
    entries: list[Entry] = field(default_factory=list)
    pinned: Entry | None = None

    def shown(self) -> list[Entry]:
        """The items as listed: the pinned one first."""
        return ([self.pinned] if self.pinned else []) + self.entries


@dataclass
class GovSite:
    """One generated site; ``pages()`` renders it."""

    code: str
    host: str
    name: str
    charset: str = "utf-8"
    label: str | None = None  # what the header says the charset is (None: the truth)
    columns: list[Column] = field(default_factory=list)
    cluster_link: str = "http://www.s1.patrol.gov.cn/"
    last_modified: str = "Mon, 30 Nov 2026 08:00:00 GMT"

    def column(self, code: str) -> Column:
        """The column with ``code``."""
        return next(c for c in self.columns if c.code == code)

    def expected_last_update(self, code: str) -> dt.date | None:
        """What a correct patrol says the column's last update is."""
        column = self.column(code)
        if column.form == "undated":
            return None
        dates = [e.date for e in column.shown() if e.date and e.date <= TODAY]
        return max(dates, default=None)

    def article_urls(self) -> set[str]:
        """Every listed article that exists."""
        return {self.url(e.path) for c in self.columns for e in c.shown() if e.exists}

    def url(self, path: str) -> str:
        """The absolute address of ``path`` on this site."""
        return f"http://{self.host}{path}"


def _entries(
    rng: random.Random, column: str, name: str, count: int, with_traps: bool
) -> list[Entry]:
    entries = []
    day = TODAY - dt.timedelta(days=rng.randint(0, 40))
    for number in range(count):
        title = f"{name}：关于做好第{number + 1}批重点工作的通知"
        if with_traps and number == 1:
            title = "关于2099年1月1日起施行新规定的说明"  # a date inside a title
        body = "".join(rng.choice(SENTENCES) for _ in range(rng.randint(2, 5)))
        exists = not (with_traps and number == 2)
        path = f"{column}/{day:%Y%m}/t{day:%Y%m%d}_{number}.html"
        entries.append(Entry(path, title, day, body, exists))
        day -= dt.timedelta(days=rng.randint(1, 12))
    if with_traps:
        # An item dated ahead (a mistyped year): it must not count as the last update.
        future = TODAY + dt.timedelta(days=45)
        entries.insert(0, Entry(f"{column}/future.html", "预告：明年工作安排", future, "预告"))
    return entries


def generate(
    seed: int,
    index: int = 1,
    columns: int = 8,
    items: int = 6,
    charset: str = "utf-8",
    label: str | None = None,
) -> GovSite:
    """Site ``index`` of a cluster generated from ``seed``."""
    rng = random.Random(seed * 10_007 + index)
    site = GovSite(
        code=f"3312{index:06d}",
        host=f"www.s{index}.{DOMAIN}",
        name=f"云溪市第{index}部门",
        charset=charset,
        label=label,
    )
    for number in range(columns):
        code = f"c{number + 1:02d}"
        form = FORMS[number % len(FORMS)]
        column = Column(code, NAMES[number % len(NAMES)], f"/{code}/", form)
        column.entries = _entries(rng, f"/{code}", column.name, items, number == 0)
        if number % 3 == 1:
            column.pinned = Entry(f"/{code}/top.html", "【置顶】关于网站改版的公告",
                                  dt.date(2019, 3, 1), "网站已改版。")  # fmt: skip
        if form == "undated":
            column.entries = [dataclasses.replace(e, date=None) for e in column.entries]
        site.columns.append(column)
    return site


def menu_name(name: str) -> str | None:
    """How the home page's menu writes a column's name (None: not in the menu)."""
    return None if name == MISSING else VARIANTS.get(name, name)


def _date_text(form: str, date: dt.date | None) -> str:
    if date is None or form == "undated":
        return ""
    return {
        "iso": f"{date:%Y-%m-%d}",
        "table": f"{date:%Y/%m/%d}",
        "rows": f"{date.year}年{date.month}月{date.day}日",
        "bracket": f"[{date:%m-%d}]",
        "inside": f"{date:%Y-%m-%d}",
    }[form]


def list_rows(column: Column) -> str:
    """The list of a column in its template."""
    rows = []
    for entry in column.shown():
        href, title = escape(entry.path), escape(entry.title)
        date = _date_text(column.form, entry.date)
        rows.append(
            {
                "iso": f'<li><a href="{href}" title="{title}">{title}</a>'
                f'<span class="date">{date}</span></li>',
                "table": f'<tr><td class="t"><a href="{href}">{title}</a></td><td>{date}</td></tr>',
                "rows": f'<div class="row"><div class="t"><a href="{href}">{title}</a></div>'
                f'<div class="d">{date}</div></div>',
                "bracket": f'<li><span class="d">{date}</span><a href="{href}">{title}</a></li>',
                "inside": f'<li><a href="{href}"><span class="t">{title}</span>'
                f"<em>{date}</em></a></li>",
                "undated": f'<li><a href="{href}">{title}</a></li>',
            }[column.form]
        )
    body = "".join(rows)
    if column.form == "table":
        return f'<table class="list">{body}</table>'
    if column.form == "rows":
        return f'<div class="list">{body}</div>'
    return f'<ul class="list">{body}</ul>'


STYLE = "<style>/* 页面样式 */ .nav li{float:left} .box .lk{position:absolute;left:-9999px}</style>"


def _frame(site: GovSite, title: str, main: str) -> str:
    """A page of the site: head, menu, ``main``, footer with its links and hidden links."""
    menu = "".join(
        f'<li><a href="{column.path}">{escape(shown)}</a></li>'
        for column in site.columns
        if (shown := menu_name(column.name)) is not None
    )
    return (
        f'<html><head><meta charset="{site.charset}"><title>{escape(title)}</title>{STYLE}'
        f'</head><body><div class="top"><a href="/">首页</a> <a href="/wza/">无障碍</a></div>'
        f'<div class="nav"><ul>{menu}</ul></div><div class="main">{main}</div>'
        f'<div class="footer"><a href="/about.html">关于本站</a> <a href="/missing.html">'
        f'网站地图</a> <a href="/partner">合作单位</a> <a href="{site.cluster_link}">'
        f'市政府门户</a> <a href="http://www.gov.cn/">中国政府网</a>'
        f'<div style="display: none"><a href="{HIDDEN_TARGETS[0]}">娱乐</a>'
        f'<a href="{site.cluster_link}">本市站点</a></div>'
        f'<span class="box"><span class="lk"><a href="{HIDDEN_TARGETS[1]}">药</a></span></span>'
        f"<p>主办：{escape(site.name)} 网站标识码：{site.code}</p></div></body></html>"
    )


def home_page(site: GovSite) -> str:
    """The home page: the menu and the newest item of each column."""
    news = "".join(
        f'<li><a href="{e.path}">{escape(e.title)}</a></li>' for c in site.columns
        for e in c.entries[:1]
    )  # fmt: skip
    return _frame(site, site.name, f'<ul class="news">{news}</ul>')


def list_page(site: GovSite, column: Column) -> str:
    """A column's first list page, with pagination."""
    later = f"{column.path}index_1.html"
    pages = f'<div class="page"><a href="{later}">下一页</a> <a href="{later}">尾页</a></div>'
    crumb = f'<div class="crumb">当前位置：<a href="/">首页</a> &gt; {escape(column.name)}</div>'
    return _frame(site, column.name, crumb + list_rows(column) + pages)


def article_page(site: GovSite, entry: Entry) -> str:
    """An article: title, information line, paragraphs, related links and share bar."""
    paragraphs = "".join(f"<p>{escape(s)}</p>" for s in entry.body.split("。") if s)
    when = f"{entry.date:%Y-%m-%d}" if entry.date else ""
    main = (
        f'<h1>{escape(entry.title)}</h1><div class="info">发布时间：{when} 来源：办公室</div>'
        f'<div class="content">{paragraphs}</div><div class="share">【打印本页】【关闭窗口】</div>'
    )
    return _frame(site, entry.title, main)


def render(site: GovSite, path: str) -> tuple[int, str, str | None]:
    """(status, page, redirect target) for ``path`` on ``site``."""
    if path in ("/", "/index.html"):
        return 200, home_page(site), None
    if path == "/partner":
        return 302, "", FOREIGN
    if path in ("/about.html", "/wza/"):
        return 200, _frame(site, "关于本站", "<p>本站简介。</p>"), None
    for column in site.columns:
        if path == column.path:
            return 200, list_page(site, column), None
        if path == f"{column.path}index_1.html":
            return 200, _frame(site, column.name, list_rows(column)), None
        for entry in column.shown():
            if path == entry.path and entry.exists:
                return 200, article_page(site, entry), None
    return 404, _frame(site, "页面不存在", "<p>您访问的页面不存在。</p>"), None
