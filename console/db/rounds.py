"""Reads written as rounds, so that independent reads share their round trips.

A *reading* is a generator: it yields the statements it needs next (one round) and is sent
their results, as often as it needs, then returns what it read. ``run`` sends each round in one
round trip (``console.db.read_ahead``); ``alongside`` runs readings side by side, each round
sending what every unfinished one asks, so reads that do not depend on each other cost the
round trips of the longest of them, not their sum. The same reading serves a caller alone
(``run``) and a caller that reads more beside it; SQLite runs the statements one by one.
"""

from __future__ import annotations

from collections.abc import Generator, Sequence
from typing import Any, TypeVar, overload

from sqlalchemy.orm import Session
from sqlalchemy.sql.expression import Executable

from console.db.read_ahead import AnyResult, read_together

T = TypeVar("T")
A = TypeVar("A")
B = TypeVar("B")
C = TypeVar("C")

Reading = Generator[Sequence[Executable], list[AnyResult], T]


def run(session: Session, reading: Reading[T]) -> T:
    """What ``reading`` returns, each of its rounds read in one round trip in ``session``."""
    results: list[AnyResult] | None = None
    while True:
        try:
            statements = reading.send(results)  # type: ignore[arg-type]
        except StopIteration as done:
            return done.value  # type: ignore[no-any-return]
        results = read_together(session, statements)


def one(statement: Executable) -> Reading[AnyResult]:
    """The result of ``statement``, a round of its own unless read beside others."""
    (result,) = yield [statement]
    return result


def given(value: T) -> Reading[T]:
    """A reading that reads nothing and returns ``value`` (a part ``alongside`` may skip)."""
    return value
    yield []  # a generator, of no round


def every(statements: Sequence[Executable]) -> Reading[list[AnyResult]]:
    """The results of ``statements``, in order, in one round (none when there are none)."""
    if not statements:
        return []
    return (yield statements)


@overload
def alongside(first: Reading[A], second: Reading[B], /) -> Reading[tuple[A, B]]: ...


@overload
def alongside(
    first: Reading[A], second: Reading[B], third: Reading[C], /
) -> Reading[tuple[A, B, C]]: ...


@overload
def alongside(*readings: Reading[Any]) -> Reading[tuple[Any, ...]]: ...


def alongside(*readings: Reading[Any]) -> Reading[tuple[Any, ...]]:
    """What each of ``readings`` returns, in order; they read side by side, round by round."""
    values: list[Any] = [None] * len(readings)
    asking: dict[int, Sequence[Executable]] = {}

    def resume(index: int, results: list[AnyResult] | None) -> None:
        try:
            asking[index] = readings[index].send(results)  # type: ignore[arg-type]
        except StopIteration as done:
            values[index] = done.value
            asking.pop(index, None)

    for index in range(len(readings)):
        resume(index, None)
    while asking:
        round_ = list(asking.items())
        results = yield [statement for _index, asked in round_ for statement in asked]
        start = 0
        for index, asked in round_:
            resume(index, results[start : start + len(asked)])
            start += len(asked)
    return tuple(values)
