"""Masking personal data for display: 138****1234, 35*************123."""

from __future__ import annotations


def mask_phone(phone: str) -> str:
    """Keep the first 3 and last 4 digits of a mobile number."""
    if len(phone) < 8:
        return "*" * len(phone)
    return phone[:3] + "*" * (len(phone) - 7) + phone[-4:]


def mask_id_card(number: str) -> str:
    """Keep the first 2 and last 3 characters of a 身份证号."""
    if len(number) < 6:
        return "*" * len(number)
    return number[:2] + "*" * (len(number) - 5) + number[-3:]


def mask_bank_card(number: str) -> str:
    """Keep the first 4 and last 4 digits of a bank card number."""
    if len(number) < 9:
        return "*" * len(number)
    return number[:4] + "*" * (len(number) - 8) + number[-4:]
