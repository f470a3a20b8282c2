"""Chinese posts for the demo sites, assembled from our own title and sentence templates.

Each column type has its own kind of article: news reports, notices, policy documents and
their interpretations, disclosure reports, answers to the public, and static service pages.
The templates never contain a lexicon term or a long digit run, so every finding in the demo
is one planted on purpose (see ``findings``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import random
from dataclasses import dataclass

from console.schema import ColumnType

TOPICS = (
    "安全生产", "优化营商环境", "乡村振兴", "生态环境保护", "数字化改革", "城市更新",
    "防汛防台", "稳岗就业", "养老服务", "义务教育", "医疗保障", "食品安全", "文明城市创建",
    "垃圾分类", "消防安全", "招商引资", "科技创新", "政务公开", "政务服务", "交通治理",
    "住房保障", "耕地保护", "河湖长制", "森林防火", "普法宣传", "社会救助", "统计调查",
    "审计整改", "信访积案化解", "民生实事", "重大项目建设", "清廉机关建设", "校园安全",
    "农村饮用水提标", "老旧小区改造", "燃气安全", "电梯安全", "放心消费", "无障碍环境建设",
)  # fmt: skip
FOCUS = (
    "薄弱环节", "重点领域", "群众反映强烈的突出问题", "关键节点", "基层一线", "风险隐患",
    "制度短板", "堵点难点",
)  # fmt: skip
RECIPIENTS = ("各乡镇人民政府、街道办事处，各部门、各单位", "各科室、各直属单位", "各有关单位")
ORDINALS = "一二三四五六七八九十"

NEWS_TITLES = (
    "{org}召开{topic}工作推进会",
    "{org}部署{year}年{topic}重点工作",
    "{org}开展{topic}专项检查",
    "{org}举办{topic}业务培训班",
    "{place}{topic}工作取得阶段性成效",
    "{org}主要负责人带队调研{topic}工作",
    "{place}扎实推进{topic}",
    "{org}组织开展{topic}集中宣传活动",
)
NOTICE_TITLES = (
    "关于做好{year}年{topic}工作的通知",
    "关于开展{topic}专项行动的通知",
    "{org}关于{topic}有关事项的公告",
    "关于{year}年度{topic}项目拟立项名单的公示",
    "{org}{year}年公开招聘编外工作人员公告",
    "关于调整{topic}工作领导小组成员的通知",
)
POLICY_TITLES = (
    "{place}人民政府关于印发《{place}{topic}实施方案》的通知",
    "《{place}{topic}三年行动计划（{year}—{year2}年）》政策解读",
    "关于进一步加强{topic}工作的实施意见",
    "{org}关于印发《{place}{topic}管理办法》的通知",
    "一图读懂《{place}{topic}若干措施》",
)
DISCLOSURE_TITLES = (
    "{org}{last_year}年政府信息公开工作年度报告",
    "{org}{year}年部门预算",
    "{org}{last_year}年部门决算",
    "{org}{year}年{topic}工作计划",
    "{org}{year}年第{quarter}季度重点工作进展情况",
)
INTERACTION_TITLES = (
    "关于{topic}问题的回复",
    "群众来信：{topic}相关问题咨询",
    "{year}年{topic}意见建议征集",
    "关于{topic}有关问题的答复",
    "在线访谈：聚焦{topic}",
)
STATIC_TITLES = ("{column}", "{column}：{topic}", "{topic}{column}")

NEWS_OPENINGS = (
    "{md}，{org}召开{topic}工作会议，总结前一阶段工作，部署下一阶段重点任务。",
    "{md}，{org}组织相关科室赴基层开展{topic}工作调研。",
    "近日，{org}围绕{topic}开展专项行动，取得积极成效。",
    "{md}上午，{place}{topic}工作推进会召开，各相关单位负责人参加会议。",
)
NEWS_SENTENCES = (
    "会议指出，{topic}事关群众切身利益，各单位要进一步提高思想认识，压紧压实工作责任。",
    "会议强调，要坚持问题导向，聚焦{focus}，确保各项措施落地见效。",
    "今年以来，{place}累计投入资金{money}万元，完成{topic}相关项目{n}个。",
    "截至{month}月底，已排查整治各类问题{n}处，整改完成率{pct}%。",
    "调研组先后来到{small}个乡镇（街道），实地察看{topic}工作开展情况，并与基层干部深入交流。",
    "活动现场发放宣传资料{n}余份，解答群众咨询{small}00余人次。",
    "与会人员结合各自工作实际作了交流发言。",
    "要强化督查考核，对工作推进不力的单位及时通报，确保责任到人。",
    "要加强部门协同，建立信息共享和联动处置机制，形成工作合力。",
    "要注重总结提炼，及时推广基层好经验、好做法。",
)
NEWS_CLOSINGS = (
    "下一步，{org}将持续深化{topic}工作，完善长效机制，不断提升群众满意度。",
    "据悉，{place}将于{month}月底前完成{topic}阶段性目标任务。",
)
NOTICE_ITEMS = (
    "高度重视，加强组织领导。各单位要把{topic}工作列入重要议事日程，明确责任人和时间节点。",
    "突出重点，抓好任务落实。要聚焦{focus}，逐项梳理问题清单，建立工作台账，实行销号管理。",
    "加强宣传，营造良好氛围。充分利用网站、政务新媒体等渠道，及时发布工作进展。",
    "按时报送，做好总结评估。请于{deadline}前将工作总结报送{org}。",
    "强化保障，落实经费人员。各单位要统筹安排工作经费，确保{topic}工作顺利开展。",
)
POLICY_SECTIONS = (
    ("起草背景", "为贯彻落实上级关于{topic}的决策部署，结合本地实际，{org}起草了本文件。"),
    ("主要内容", "文件共分{small}个部分，明确总体要求、重点任务和保障措施，提出{few}条举措。"),
    ("主要目标", "到{year2}年，{place}{topic}体系基本健全，主要指标达到全省平均水平以上。"),
    ("创新举措", "文件提出建立{topic}“一件事”集成办理机制，推动跨部门数据共享和业务协同。"),
    ("施行时间", "本文件自{date}起施行，有效期{small}年。"),
)
DISCLOSURE_SENTENCES = (
    "根据《中华人民共和国政府信息公开条例》规定，现将{org}有关情况公布如下。",
    "本年度主动公开政府信息{n}条，其中政策文件{small}件。",
    "全年收到政府信息公开申请{small}件，均已按期答复。",
    "{year}年收入预算{money}万元，支出预算{money}万元，收支平衡。",
    "本报告中所列数据的统计期限自{last_year}年1月1日起至{last_year}年12月31日止。",
)
INTERACTION_SENTENCES = (
    "问：我想了解一下{topic}方面的政策，具体应向哪个部门咨询？",
    "答：您好！您反映的问题已收悉。经核实，{topic}相关事项由{org}负责办理，"
    "您可通过政务服务网在线申请，也可到政务服务中心窗口现场办理。",
    "感谢您对我们工作的关心和支持！",
    "本次征集时间为{date}至{deadline}，欢迎社会各界通过网站留言或信件提出意见建议。",
)
STATIC_SENTENCES = (
    "本栏目介绍{column}相关内容，信息如有变动，以最新发布为准。",
    "办理{topic}相关事项，申请人可通过政务服务网在线提交材料，也可到窗口现场办理。",
    "承诺办结时限为{small}个工作日，不收取任何费用。",
    "{org}负责{topic}相关工作，内设{small}个职能科室。",
)


@dataclass(frozen=True)
class Article:
    """A post's title and its paragraphs (joined with newlines to form the body)."""

    title: str
    paragraphs: list[str]


def content_hash(title: str, body: str) -> str:
    """SHA-256 (hex) of a post's title followed by its body, as stored in ``content_hash``."""
    return hashlib.sha256((title + body).encode("utf-8")).hexdigest()


def write_article(
    rng: random.Random,
    column_type: ColumnType,
    column_name: str,
    org: str,
    place: str,
    day: dt.date,
) -> Article:
    """An article of the kind ``column_type`` carries, published by ``org`` on ``day``."""
    deadline = day + dt.timedelta(days=rng.randint(10, 40))
    fill = {
        "org": org,
        "place": place,
        "column": column_name,
        "topic": rng.choice(TOPICS),
        "focus": rng.choice(FOCUS),
        "year": day.year,
        "year2": day.year + 2,
        "last_year": day.year - 1,
        "quarter": ORDINALS[(day.month - 1) // 3],
        "md": f"{day.month}月{day.day}日",
        "month": day.month,
        "date": f"{day.year}年{day.month}月{day.day}日",
        "deadline": f"{deadline.year}年{deadline.month}月{deadline.day}日",
        "money": rng.randint(12, 9800),
        "n": rng.randint(3, 480),
        "small": rng.randint(2, 9),
        "few": rng.randint(10, 40),
        "pct": rng.randint(80, 100),
    }
    writer = _WRITERS.get(column_type, _static)
    titles, paragraphs = writer(rng)
    return Article(rng.choice(titles).format_map(fill), [p.format_map(fill) for p in paragraphs])


def _news(rng: random.Random) -> tuple[tuple[str, ...], list[str]]:
    middle = rng.sample(NEWS_SENTENCES, rng.randint(2, 6))
    paragraphs = [rng.choice(NEWS_OPENINGS)]
    while middle:
        take = rng.randint(1, 3)
        paragraphs.append("".join(middle[:take]))
        middle = middle[take:]
    paragraphs.append(rng.choice(NEWS_CLOSINGS))
    return NEWS_TITLES, paragraphs


def _notice(rng: random.Random) -> tuple[tuple[str, ...], list[str]]:
    items = rng.sample(NOTICE_ITEMS, rng.randint(2, len(NOTICE_ITEMS)))
    paragraphs = [
        rng.choice(RECIPIENTS) + "：",
        "为进一步做好{topic}工作，根据有关规定，现将有关事项通知如下：",
    ]
    paragraphs += [f"{ORDINALS[i]}、{item}" for i, item in enumerate(items)]
    paragraphs += ["特此通知。", "{org}", "{date}"]
    return NOTICE_TITLES, paragraphs


def _policy(rng: random.Random) -> tuple[tuple[str, ...], list[str]]:
    chosen = sorted(rng.sample(range(len(POLICY_SECTIONS)), rng.randint(2, len(POLICY_SECTIONS))))
    sections = [POLICY_SECTIONS[index] for index in chosen]
    paragraphs = [f"{ORDINALS[i]}、{head}\n{text}" for i, (head, text) in enumerate(sections)]
    return POLICY_TITLES, paragraphs


def _disclosure(rng: random.Random) -> tuple[tuple[str, ...], list[str]]:
    return DISCLOSURE_TITLES, rng.sample(DISCLOSURE_SENTENCES, rng.randint(2, 5))


def _interaction(rng: random.Random) -> tuple[tuple[str, ...], list[str]]:
    if rng.random() < 0.7:
        return INTERACTION_TITLES, list(INTERACTION_SENTENCES[:3])
    return INTERACTION_TITLES, [INTERACTION_SENTENCES[3]]


def _static(rng: random.Random) -> tuple[tuple[str, ...], list[str]]:
    return STATIC_TITLES, rng.sample(STATIC_SENTENCES, rng.randint(1, 4))


_WRITERS = {
    ColumnType.NEWS: _news,
    ColumnType.NOTICE: _notice,
    ColumnType.POLICY: _policy,
    ColumnType.DISCLOSURE: _disclosure,
    ColumnType.INTERACTION: _interaction,
}
