"""Personal data: 身份证号 (check character and birth date), mobile and bank card numbers."""

from __future__ import annotations

import datetime as dt
import random

import pytest
from stdnum import luhn
from stdnum.cn import ric

from console.demo.findings import bank_card_number, id_card_number
from console.screening import BANK_CARD, ID_CARD, MOBILE, Screener, masked
from console.screening.personal import classify, is_id_card

TODAY = dt.date(2026, 11, 22)


def _id_card(stem: str) -> str:
    """``stem`` (17 digits) with its GB 11643 check character."""
    return stem + ric.calc_check_digit(stem + "0")


def _bank_card(stem: str) -> str:
    return stem + luhn.calc_check_digit(stem)


def _wrong_check(number: str) -> str:
    good = number[-1]
    return number[:-1] + next(c for c in "0123456789X" if c != good)


VALID_ID = _id_card("11010519491231002")
ID_WITH_X = next(
    number
    for number in (_id_card(f"44030419900101{n:03d}") for n in range(1000))
    if number.endswith("X")
)
CARD_16 = _bank_card("622202123456789")
CARD_19 = _bank_card("621700123456789012")


def _kinds(text: str) -> list[tuple[str, str]]:
    return [(f.kind, f.text) for f in Screener.build([], []).screen(text)]


def test_a_valid_id_card_number_is_found() -> None:
    assert _kinds(f"身份证号：{VALID_ID}。") == [(ID_CARD, VALID_ID)]


def test_an_id_card_number_ending_in_x_is_found_in_either_case() -> None:
    assert _kinds(f"证件{ID_WITH_X}") == [(ID_CARD, ID_WITH_X)]
    lower = ID_WITH_X[:-1] + "x"
    assert _kinds(f"证件{lower}") == [(ID_CARD, lower)]


def test_an_id_card_number_with_a_wrong_check_character_is_not_an_id_card() -> None:
    wrong = _wrong_check(VALID_ID)
    assert not is_id_card(wrong)
    assert ID_CARD not in {kind for kind, _ in _kinds(f"号码{wrong}")}


@pytest.mark.parametrize(
    "birth",
    ["19490230", "19491301", "19490001", "18991231", "20991231"],
    ids=["30 February", "month 13", "month 0", "before 1900", "in the future"],
)
def test_an_id_card_number_needs_a_real_birth_date(birth: str) -> None:
    number = _id_card(f"110105{birth}002")
    assert not is_id_card(number, TODAY)


def test_a_leap_day_birth_date_is_real_only_in_a_leap_year() -> None:
    assert is_id_card(_id_card("11010520000229002"), TODAY)
    assert not is_id_card(_id_card("11010519990229002"), TODAY)


def test_full_width_digits_are_read_and_reported_as_written() -> None:
    wide = VALID_ID.translate(str.maketrans("0123456789X", "０１２３４５６７８９Ｘ"))
    assert _kinds(f"号码{wide}") == [(ID_CARD, wide)]


def test_a_mobile_number_is_found_and_masked() -> None:
    (finding,) = Screener.build([], []).screen("请致电13812341234咨询")
    assert (finding.kind, finding.text, finding.masked) == (MOBILE, "13812341234", "138****1234")
    assert (finding.term, finding.category, finding.severity) == ("手机号码", "个人信息", 2)


@pytest.mark.parametrize("number", ["12812341234", "10012341234", "23812341234"])
def test_a_mobile_number_starts_with_1_then_3_to_9(number: str) -> None:
    assert classify(number) is None


@pytest.mark.parametrize("text", ["0138123412345", "138123412345", "2024013812341234"])
def test_a_mobile_number_inside_a_longer_digit_run_is_not_found(text: str) -> None:
    assert MOBILE not in {kind for kind, _ in _kinds(text)}


def test_mobile_numbers_side_by_side_with_separators_are_each_found() -> None:
    assert _kinds("13812341234、13912341234") == [
        (MOBILE, "13812341234"),
        (MOBILE, "13912341234"),
    ]


@pytest.mark.parametrize("number", [CARD_16, CARD_19])
def test_a_bank_card_number_with_a_valid_luhn_digit_is_found(number: str) -> None:
    assert _kinds(f"卡号：{number}") == [(BANK_CARD, number)]


@pytest.mark.parametrize("number", [CARD_16, CARD_19])
def test_a_bank_card_number_with_a_wrong_luhn_digit_is_not_found(number: str) -> None:
    assert _kinds(f"卡号：{_wrong_check(number).replace('X', '0')}") == []


def test_bank_card_numbers_have_16_to_19_digits() -> None:
    assert classify(_bank_card("62220212345678")) is None
    assert classify(_bank_card("6222021234567890123")) is None


def test_a_valid_id_card_number_passing_luhn_is_reported_once_as_an_id_card() -> None:
    both = next(
        number
        for number in (_id_card(f"11010519800101{n:03d}") for n in range(1000))
        if number.isdigit() and luhn.is_valid(number)
    )
    assert _kinds(both) == [(ID_CARD, both)]


def test_digits_in_a_run_longer_than_19_are_nothing() -> None:
    assert _kinds("1" + VALID_ID + "1") == []


def test_personal_data_is_masked_by_kind() -> None:
    assert masked(ID_CARD, VALID_ID) == VALID_ID[:2] + "*" * 13 + VALID_ID[-3:]
    assert masked(MOBILE, "13812341234") == "138****1234"
    assert masked(BANK_CARD, CARD_16) == CARD_16[:4] + "*" * 8 + CARD_16[-4:]


def test_the_demo_planted_numbers_are_found() -> None:
    rng = random.Random(7)
    for _ in range(50):
        assert classify(id_card_number(rng)) == ID_CARD
        assert classify(bank_card_number(rng)) == BANK_CARD


# -- numbers as they are really published: in groups ------------------------------------------


def _grouped(number: str, sizes: tuple[int, ...], separator: str) -> str:
    parts, at = [], 0
    for size in sizes:
        parts.append(number[at : at + size])
        at += size
    return separator.join(parts)


@pytest.mark.parametrize("written", ["138-0013-8000", "138 0013 8000", "+86 138 0013 8000"])
def test_a_mobile_number_in_groups_is_found_separators_and_all(written: str) -> None:
    text = f"联系电话：{written}。"
    (finding,) = Screener.build([], []).screen(text)
    assert (finding.kind, finding.text) == (MOBILE, written)
    assert text[finding.start : finding.end] == written
    assert finding.masked == written.replace("0013", "****")


@pytest.mark.parametrize("separator", [" ", "-"])
def test_an_id_card_number_in_groups_of_6_8_4_is_found(separator: str) -> None:
    for number in (VALID_ID, ID_WITH_X):
        written = _grouped(number, (6, 8, 4), separator)
        assert _kinds(f"身份证号 {written} 。") == [(ID_CARD, written)]
        masked_text = Screener.build([], []).screen(written)[0].masked
        assert (
            masked_text
            == written[:2]
            + "".join(c if c == separator else "*" for c in written[2:-3])
            + written[-3:]
        )


@pytest.mark.parametrize("number", [CARD_16, CARD_19])
def test_a_bank_card_number_in_groups_of_four_is_found(number: str) -> None:
    written = _grouped(number, (4,) * 5, " ").strip()
    assert _kinds(f"卡号 {written}") == [(BANK_CARD, written)]


def test_grouped_numbers_pass_the_same_check_digits() -> None:
    assert _kinds(_grouped(_wrong_check(VALID_ID), (6, 8, 4), " ")) == []
    assert _kinds(_grouped(_wrong_check(CARD_16).replace("X", "0"), (4, 4, 4, 4), " ")) == []
    assert _kinds("128-0013-8000") == []


@pytest.mark.parametrize(
    "text",
    [
        "1234 138 0013 8000",
        "138 0013 8000 1234",
        "86 138 0013 8000",
        "1234 " + _grouped(CARD_16, (4, 4, 4, 4), " "),
        _grouped(CARD_16, (4, 4, 4, 4), " ") + " 1234",
        _grouped(VALID_ID, (6, 8, 4), " ") + " 12",
        "138 0013 80001",
        "1 138-0013-8000",
    ],
)
def test_a_grouped_number_inside_a_longer_grouped_run_is_not_found(text: str) -> None:
    assert _kinds(text) == []


def test_a_plain_number_beside_other_digits_is_still_judged_on_its_own_run() -> None:
    assert _kinds("13812341234 2026年") == [(MOBILE, "13812341234")]
    assert _kinds("2026-11-01 08:30 13812341234") == [(MOBILE, "13812341234")]


def test_full_width_grouped_digits_are_read_and_reported_as_written() -> None:
    wide = "１３８　００１３　８０００"
    assert _kinds(f"电话{wide}") == [(MOBILE, wide)]
