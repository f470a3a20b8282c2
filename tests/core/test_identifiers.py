"""Identifier formats: each rule accepts what the standard allows and names what is wrong."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st
from stdnum.cn import uscc

from console.base.domains import to_unicode, validate_domain
from console.base.errors import InvalidInput
from console.base.identifiers import (
    ABBREVIATIONS,
    PROVINCES,
    problem_of,
    region_prefix,
    validate_icp,
    validate_icp_region,
    validate_mlps_form,
    validate_psb,
    validate_site_code,
    validate_uscc,
    within,
)

USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
# Registration body, kind and division code are digits; the organisation code is any of 31.
USCC_BODIES = st.builds(
    str.__add__,
    st.text("0123456789", min_size=8, max_size=8),
    st.text(USCC_ALPHABET, min_size=9, max_size=9),
)


@pytest.mark.parametrize("code", ["1100000088", "3312000129", "bm01000001"])
def test_site_codes_of_both_forms_are_accepted(code: str) -> None:
    validate_site_code(code)


@pytest.mark.parametrize(
    "code", ["110000008", "11000000888", "BM01000001", "bm0100001", "9912000001"]
)
def test_malformed_site_codes_are_refused(code: str) -> None:
    with pytest.raises(InvalidInput):
        validate_site_code(code)


def test_a_site_code_from_no_province_names_the_digits() -> None:
    assert "99" in (problem_of(validate_site_code, "9912000001") or "")


@pytest.mark.parametrize(
    "number",
    ["京ICP备05070218号", "京ICP备05070218号-1", "浙ICP备2021147387号-12", "黔ICP备2020000001号"],
)
def test_icp_numbers_of_eight_and_ten_digits_are_accepted(number: str) -> None:
    validate_icp(number)


@pytest.mark.parametrize(
    "number",
    [
        "京ICP备0507021号",
        "京ICP备050702180号",
        "ICP备05070218号",
        "京ICP证05070218号",
        "京ICP备1850702180号",
    ],
)
def test_malformed_icp_numbers_are_refused(number: str) -> None:
    with pytest.raises(InvalidInput):
        validate_icp(number)


def test_an_icp_number_must_be_filed_in_the_sites_province() -> None:
    validate_icp_region("浙ICP备2021147387号", "331200")
    with pytest.raises(InvalidInput, match="不符"):
        validate_icp_region("京ICP备2021147387号", "331200")


def test_psb_numbers_carry_a_division_of_their_province_and_the_sites_city() -> None:
    validate_psb("京公网安备11010202000001号")
    validate_psb("浙公网安备33120202002862号", "331202")
    validate_psb("浙公网安备33120202002862号", "331200")
    with pytest.raises(InvalidInput, match="同一省份"):
        validate_psb("沪公网安备11010202000001号")
    with pytest.raises(InvalidInput, match="范围内"):
        validate_psb("浙公网安备33010202002862号", "331200")
    with pytest.raises(InvalidInput, match="格式"):
        validate_psb("京公网安备1101020200001号")


def test_region_prefixes_follow_the_division_levels() -> None:
    assert region_prefix("330000") == "33"
    assert region_prefix("331200") == "3312"
    assert region_prefix("331202") == "331202"
    assert within("331202", "331200") and not within("331302", "331200")


@given(USCC_BODIES)
def test_any_uscc_with_its_computed_check_character_is_accepted(body: str) -> None:
    validate_uscc(body + uscc.calc_check_digit(body))


@given(USCC_BODIES, st.sampled_from(USCC_ALPHABET))
def test_a_uscc_with_any_other_check_character_is_refused(body: str, check: str) -> None:
    if check == uscc.calc_check_digit(body):
        return
    with pytest.raises(InvalidInput, match="校验码"):
        validate_uscc(body + check)


def test_a_uscc_of_the_wrong_shape_says_so() -> None:
    with pytest.raises(InvalidInput, match="18 位"):
        validate_uscc("11331200MB1234")


def test_mlps_form_numbers_are_eleven_digits_from_a_real_division() -> None:
    validate_mlps_form("33120012345")
    for bad in ("3312001234", "9912001234X", "99120012345"):
        with pytest.raises(InvalidInput):
            validate_mlps_form(bad)


def test_domains_are_stored_in_punycode_and_shown_in_unicode() -> None:
    stored = validate_domain("WWW.云溪.政务")
    assert stored == "www.xn--9kq759e.xn--zfr164b"
    assert to_unicode(stored) == "www.云溪.政务"
    assert validate_domain("ｗｗｗ.yunxi.gov.cn") == "www.yunxi.gov.cn"


@pytest.mark.parametrize(
    "domain", ["www.yunxi.com.cn", "gov.cn", "政务", "www.yunxi.gov.cn.example.com"]
)
def test_only_gov_cn_and_zhengwu_domains_are_accepted(domain: str) -> None:
    with pytest.raises(InvalidInput, match=r"\.gov\.cn"):
        validate_domain(domain)


def test_an_invalid_domain_name_is_refused_with_the_reason() -> None:
    with pytest.raises(InvalidInput, match="不是合法的域名"):
        validate_domain("bad_name!.gov.cn")


def gb32100_check(body: str) -> str:
    """The check character of GB 32100 computed from the standard's own formula."""
    weights = [pow(3, i, 31) for i in range(17)]
    total = sum(USCC_ALPHABET.index(c) * w for c, w in zip(body, weights, strict=True))
    return USCC_ALPHABET[(31 - total % 31) % 31]


@given(USCC_BODIES)
def test_the_accepted_check_character_is_the_one_gb_32100_defines(body: str) -> None:
    validate_uscc(body + gb32100_check(body))
    others = [c for c in USCC_ALPHABET if c != gb32100_check(body)]
    for wrong in others[:3]:
        assert problem_of(validate_uscc, body + wrong) is not None


@given(USCC_BODIES, st.integers(0, 16), st.sampled_from(USCC_ALPHABET))
def test_any_single_mistyped_character_is_caught(body: str, at: int, typed: str) -> None:
    code = body + gb32100_check(body)
    if typed == code[at]:
        return
    with pytest.raises(InvalidInput):
        validate_uscc(code[:at] + typed + code[at + 1 :])


@given(USCC_BODIES, st.integers(0, 15))
def test_two_swapped_neighbours_are_caught(body: str, at: int) -> None:
    code = body + gb32100_check(body)
    if code[at] == code[at + 1]:
        return
    with pytest.raises(InvalidInput):
        validate_uscc(code[:at] + code[at + 1] + code[at] + code[at + 2 :])


PROVINCE_CODES = st.sampled_from(sorted(PROVINCES))
DIGITS = "0123456789"


@given(PROVINCE_CODES, st.text(DIGITS, min_size=8, max_size=8))
def test_any_site_code_of_a_real_province_is_accepted(province: str, rest: str) -> None:
    validate_site_code(province + rest)
    validate_site_code("bm" + rest)


@given(st.text(DIGITS, min_size=0, max_size=14).filter(lambda t: len(t) != 10))
def test_site_codes_of_any_other_length_are_refused(digits: str) -> None:
    assert problem_of(validate_site_code, digits) is not None
    assert problem_of(validate_site_code, "bm" + digits) is not None or len(digits) == 8


@given(PROVINCE_CODES, st.text(DIGITS, min_size=12, max_size=12))
def test_psb_numbers_are_accepted_with_their_provinces_abbreviation_only(
    province: str, rest: str
) -> None:
    number = province + rest
    validate_psb(f"{PROVINCES[province][0]}公网安备{number}号")
    foreign = next(a for code, a in PROVINCES.items() if code != province)[0]
    assert "同一省份" in (problem_of(validate_psb, f"{foreign}公网安备{number}号") or "")


@given(
    st.sampled_from(ABBREVIATIONS),
    st.integers(1998, dt.date.today().year),
    st.text(DIGITS, min_size=6, max_size=6),
    st.one_of(st.none(), st.integers(1, 99)),
)
def test_icp_numbers_of_a_possible_year_are_accepted(
    abbreviation: str, year: int, serial: str, nth: int | None
) -> None:
    suffix = f"-{nth}" if nth is not None else ""
    validate_icp(f"{abbreviation}ICP备{year}{serial}号{suffix}")
    validate_icp(f"{abbreviation}ICP备{year % 100:02d}{serial}号{suffix}")
