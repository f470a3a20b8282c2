"""The screener of the database's lexicon, and a holder that rebuilds it in the background."""

from __future__ import annotations

import threading
from concurrent.futures import Future

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.db import SessionFactory
from console.lexicon_files import TermEntry
from console.schema import LexiconTerm, WhitelistPhrase
from console.screening.engine import Screener


def load_lexicon(session: Session) -> tuple[list[TermEntry], list[str]]:
    """The enabled lexicon terms and the whitelist phrases in the database."""
    rows = session.execute(
        select(LexiconTerm.term, LexiconTerm.category, LexiconTerm.severity, LexiconTerm.note)
        .where(LexiconTerm.enabled.is_(True))
        .order_by(LexiconTerm.id)
    )
    terms = [TermEntry(term, category, severity, note) for term, category, severity, note in rows]
    phrases = session.scalars(select(WhitelistPhrase.phrase).order_by(WhitelistPhrase.id)).all()
    return terms, list(phrases)


def load_screener(session: Session) -> Screener:
    """A screener over the enabled lexicon terms and the whitelist phrases in the database."""
    return Screener.build(*load_lexicon(session))


class ScreenerHolder:
    """The screener in use; rebuilt off the caller's thread and swapped in atomically.

    Readers call ``current()`` and keep screening with what it returned; a rebuild never
    disturbs them. When rebuilds overlap, the one asked for last wins, whatever finishes first.
    """

    def __init__(self, screener: Screener | None = None) -> None:
        self._current = screener if screener is not None else Screener.build([], [])
        self._lock = threading.Lock()
        self._asked = 0
        self._installed = 0

    def current(self) -> Screener:
        """The screener to use now."""
        return self._current

    def rebuild(self, sessions: SessionFactory) -> Future[Screener]:
        """Load and build the database's lexicon in a background thread; the future's result
        is the screener built (installed unless a later rebuild was installed first)."""
        future: Future[Screener] = Future()
        with self._lock:
            self._asked += 1
            ticket = self._asked

        def work() -> None:
            try:
                with sessions() as session:
                    screener = load_screener(session)
            except BaseException as error:
                future.set_exception(error)
                return
            with self._lock:
                if ticket > self._installed:
                    self._current = screener
                    self._installed = ticket
            future.set_result(screener)

        threading.Thread(target=work, name="screener-rebuild", daemon=True).start()
        return future
