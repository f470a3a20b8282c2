"""The screener of the database's lexicon, and a holder that rebuilds it in the background."""

from __future__ import annotations

import hashlib
import threading
from concurrent.futures import Future

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.db import SessionFactory
from console.schema import LexiconTerm, WhitelistPhrase
from console.screening.engine import Screener
from console.screening.lexicon_files import TermEntry

Lexicon = tuple[list[TermEntry], list[str]]


def load_lexicon(session: Session) -> Lexicon:
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


def lexicon_key(lexicon: Lexicon) -> str:
    """A digest of what a screener is built from: equal keys build equal screeners."""
    terms, phrases = lexicon
    digest = hashlib.sha256()
    for entry in terms:
        digest.update(f"{entry.term}\x1f{entry.category}\x1f{entry.severity}\x1e".encode())
    digest.update(b"\x1d")
    for phrase in phrases:
        digest.update(f"{phrase}\x1e".encode())
    return digest.hexdigest()


class ScreenerHolder:
    """The screener in use; rebuilt off the caller's thread and swapped in atomically.

    Readers call ``current()`` and keep screening with what it returned; a rebuild never
    disturbs them. When rebuilds overlap, the one asked for last wins, whatever finishes first.
    ``fresh()`` is what a scan asks for: the database's lexicon as it is now, built only when
    it differs from what the current screener was built from.
    """

    def __init__(self, screener: Screener | None = None) -> None:
        built = screener if screener is not None else Screener.build([], [])
        # The screener and the key of its lexicon change together, as one reference.
        self._installed: tuple[Screener, str] = (built, "")
        self._lock = threading.Lock()
        self._asked = 0
        self._ticket = 0

    def current(self) -> Screener:
        """The screener to use now."""
        return self._installed[0]

    def rebuild(self, sessions: SessionFactory) -> Future[Screener]:
        """Load and build the database's lexicon in a background thread; the future's result
        is the screener built (installed unless a later rebuild was installed first)."""
        future: Future[Screener] = Future()
        ticket = self._next_ticket()

        def work() -> None:
            try:
                with sessions() as session:
                    lexicon = load_lexicon(session)
                screener = Screener.build(*lexicon)
            except BaseException as error:
                future.set_exception(error)
                return
            self._install(ticket, screener, lexicon_key(lexicon))
            future.set_result(screener)

        threading.Thread(target=work, name="screener-rebuild", daemon=True).start()
        return future

    def fresh(self, sessions: SessionFactory) -> Screener:
        """A screener over the database's lexicon as it is now (blocks: call off the UI).

        The current screener when its lexicon is unchanged (a background rebuild after an
        edit has usually made it so); otherwise one built here and installed.
        """
        ticket = self._next_ticket()
        with sessions() as session:
            lexicon = load_lexicon(session)
        key = lexicon_key(lexicon)
        screener, installed_key = self._installed
        if installed_key == key:
            return screener
        screener = Screener.build(*lexicon)
        self._install(ticket, screener, key)
        return screener

    def _next_ticket(self) -> int:
        with self._lock:
            self._asked += 1
            return self._asked

    def _install(self, ticket: int, screener: Screener, key: str) -> None:
        with self._lock:
            if ticket > self._ticket:
                self._installed = (screener, key)
                self._ticket = ticket
