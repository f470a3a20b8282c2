"""Problems planted in some demo posts, for the screening engine to find.

A planted problem is a lexicon term (a wrong or outdated name) or a piece of personal data: a
valid 身份证号 with a real birth date, a mobile number, or a bank card number with a correct
Luhn digit, each in a sentence of its own. The demo's queue items hold what the real screener
reports for the post, so a re-scan of a fresh demo finds nothing new.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence

from stdnum import luhn
from stdnum.cn import ric

from console.demo.places import BIRTHPLACES
from console.screening.lexicon_files import TermEntry

TERM_CARRIERS = (
    "会议传达学习了{x}有关文件精神。",
    "根据{x}有关工作要求，各单位要认真抓好落实。",
    "此前，{x}曾就此作出专门部署。",
    "相关材料已按程序报送{x}审核。",
)
PERSONAL = {
    "id_card": (
        "经审核，申请人{name}（身份证号：{x}）符合补助条件。",
        "公示对象：{name}，公民身份号码{x}，公示期内如有异议请向本单位反映。",
    ),
    "mobile": ("联系人：{name}，联系电话：{x}。", "如有疑问，请致电{name}（手机{x}）咨询。"),
    "bank_card": (
        "补助资金已拨付至{name}的银行账户（卡号：{x}）。",
        "请将报名费转入指定账户，户名{name}，卡号{x}。",
    ),
}
CARD_PREFIXES = ("622202", "621700", "622848", "622588", "621483", "623058")
EARLIEST_BIRTH = dt.date(1983, 1, 1)
BIRTH_SPAN_DAYS = (dt.date(2005, 12, 31) - EARLIEST_BIRTH).days


def make_plant(rng: random.Random, terms: Sequence[TermEntry], name: str, mobile: str) -> str:
    """A sentence carrying one planted problem: a lexicon term half the time, personal data
    otherwise."""
    if terms and rng.random() < 0.5:
        term = rng.choice(terms).term
        return rng.choice(TERM_CARRIERS).format(x=term)
    kind = rng.choice(("id_card", "id_card", "mobile", "bank_card"))
    if kind == "id_card":
        text = id_card_number(rng)
    elif kind == "mobile":
        text = mobile
    else:
        text = bank_card_number(rng)
    return rng.choice(PERSONAL[kind]).format(name=name, x=text)


def id_card_number(rng: random.Random) -> str:
    """A 身份证号 that passes GB 11643: a known birthplace, a real birth date, its check."""
    born = EARLIEST_BIRTH + dt.timedelta(days=rng.randint(0, BIRTH_SPAN_DAYS))
    stem = f"{rng.choice(BIRTHPLACES)}{born:%Y%m%d}{rng.randrange(1000):03d}"
    return stem + ric.calc_check_digit(stem + "0")


def bank_card_number(rng: random.Random) -> str:
    """A 16- or 19-digit UnionPay-style card number with a valid Luhn check digit."""
    length = rng.choice((16, 19))
    stem = rng.choice(CARD_PREFIXES)
    stem += "".join(str(rng.randrange(10)) for _ in range(length - len(stem) - 1))
    return stem + luhn.calc_check_digit(stem)


def plant_into(rng: random.Random, paragraphs: list[str], sentences: Sequence[str]) -> str:
    """The body with each planted sentence appended to a random sentence paragraph."""
    targets = [i for i, paragraph in enumerate(paragraphs) if paragraph.endswith("。")] or [0]
    extra: dict[int, list[str]] = {}
    for sentence in sentences:
        extra.setdefault(rng.choice(targets), []).append(sentence)
    return "\n".join(
        paragraph + "".join(extra.get(i, ())) for i, paragraph in enumerate(paragraphs)
    )
