"""Invented people for the demo cluster: Chinese names, pinyin-like user names, mobile numbers."""

from __future__ import annotations

import random
from dataclasses import dataclass

# Common surnames and given-name characters with a plain pinyin spelling (no tones).
SURNAMES = (
    ("王", "wang"), ("李", "li"), ("张", "zhang"), ("刘", "liu"), ("陈", "chen"),
    ("杨", "yang"), ("黄", "huang"), ("赵", "zhao"), ("吴", "wu"), ("周", "zhou"),
    ("徐", "xu"), ("孙", "sun"), ("马", "ma"), ("朱", "zhu"), ("胡", "hu"),
    ("郭", "guo"), ("何", "he"), ("林", "lin"), ("罗", "luo"), ("高", "gao"),
    ("郑", "zheng"), ("梁", "liang"), ("谢", "xie"), ("宋", "song"), ("唐", "tang"),
    ("韩", "han"), ("冯", "feng"), ("邓", "deng"), ("曹", "cao"), ("彭", "peng"),
    ("曾", "zeng"), ("肖", "xiao"), ("田", "tian"), ("董", "dong"), ("潘", "pan"),
    ("袁", "yuan"), ("蔡", "cai"), ("蒋", "jiang"), ("余", "yu"), ("杜", "du"),
    ("叶", "ye"), ("程", "cheng"), ("魏", "wei"), ("苏", "su"), ("丁", "ding"),
    ("沈", "shen"), ("姚", "yao"), ("方", "fang"), ("金", "jin"), ("钱", "qian"),
    ("邵", "shao"), ("楼", "lou"), ("应", "ying"), ("俞", "yu"), ("章", "zhang"),
)  # fmt: skip
GIVEN = (
    ("伟", "wei"), ("芳", "fang"), ("敏", "min"), ("静", "jing"), ("丽", "li"),
    ("强", "qiang"), ("磊", "lei"), ("军", "jun"), ("洋", "yang"), ("勇", "yong"),
    ("艳", "yan"), ("杰", "jie"), ("涛", "tao"), ("明", "ming"), ("超", "chao"),
    ("霞", "xia"), ("平", "ping"), ("刚", "gang"), ("华", "hua"), ("建", "jian"),
    ("国", "guo"), ("文", "wen"), ("斌", "bin"), ("宇", "yu"), ("浩", "hao"),
    ("凯", "kai"), ("婷", "ting"), ("雪", "xue"), ("琳", "lin"), ("晨", "chen"),
    ("欣", "xin"), ("怡", "yi"), ("佳", "jia"), ("子", "zi"), ("涵", "han"),
    ("轩", "xuan"), ("睿", "rui"), ("博", "bo"), ("宁", "ning"), ("海", "hai"),
    ("燕", "yan"), ("红", "hong"), ("春", "chun"), ("晓", "xiao"), ("思", "si"),
    ("雨", "yu"), ("嘉", "jia"), ("俊", "jun"), ("志", "zhi"), ("鹏", "peng"),
    ("辉", "hui"), ("慧", "hui"), ("玲", "ling"), ("颖", "ying"), ("倩", "qian"),
    ("健", "jian"), ("毅", "yi"), ("翔", "xiang"), ("立", "li"), ("新", "xin"),
    ("永", "yong"), ("清", "qing"), ("林", "lin"), ("峰", "feng"), ("玉", "yu"),
)  # fmt: skip
MOBILE_SECOND_DIGITS = "3456789"


@dataclass(frozen=True)
class Person:
    """An invented person: full name in Chinese and the user name derived from it."""

    full_name: str
    username: str


class People:
    """Makes people with user names unique across everyone it has made."""

    def __init__(self, rng: random.Random) -> None:
        self._rng = rng
        self._taken: dict[str, int] = {}

    def make(self) -> Person:
        """A new person; a clash of user names gets a number appended (``wangjh2``)."""
        full_name, stem = name_and_stem(self._rng)
        count = self._taken.get(stem, 0) + 1
        self._taken[stem] = count
        return Person(full_name, stem if count == 1 else f"{stem}{count}")


def name_and_stem(rng: random.Random) -> tuple[str, str]:
    """A Chinese full name and its user-name stem: surname in pinyin plus given initials."""
    surname, surname_py = rng.choice(SURNAMES)
    given = [rng.choice(GIVEN) for _ in range(1 if rng.random() < 0.3 else 2)]
    if len(given) == 1:
        stem = surname_py + given[0][1]
    else:
        stem = surname_py + "".join(py[0] for _, py in given)
    return surname + "".join(char for char, _ in given), stem


def mobile_number(rng: random.Random) -> str:
    """An 11-digit mainland mobile number ``1[3-9]xxxxxxxxx``."""
    return f"1{rng.choice(MOBILE_SECOND_DIGITS)}{rng.randrange(10**9):09d}"
