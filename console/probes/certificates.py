"""The TLS certificate a site presents: read it even when it is expired or self-signed.

A verifying handshake first; when it fails on the certificate, an unverified handshake reads
the certificate anyway (``getpeercert`` gives ``{}`` without verification, so the binary form
is parsed with ``cryptography``).
"""

from __future__ import annotations

import datetime as dt
import functools
import ssl
from dataclasses import dataclass

from cryptography import x509
from requests.utils import DEFAULT_CA_BUNDLE_PATH

from console.probes.dialing import Dialer

SUBJECT_LIMIT = 500


@dataclass(frozen=True)
class Certificate:
    """What a probe learns of a site's certificate; ``problem`` says why it does not validate."""

    subject: str | None
    issuer: str | None
    not_after: dt.datetime | None
    valid: bool
    problem: str | None = None


@functools.lru_cache(maxsize=8)
def verifying_context(ca_bundle: str | None) -> ssl.SSLContext:
    """A client context that checks the chain (against ``ca_bundle`` if given) and the name.

    Made once per bundle and shared by every probe thread: loading the ~150 roots of the
    default bundle costs tens of milliseconds of CPU, more than the rest of a probe.
    """
    # Without a bundle, the same roots requests trusts for the page.
    return ssl.create_default_context(cafile=ca_bundle or DEFAULT_CA_BUNDLE_PATH)


def _unverified_context() -> ssl.SSLContext:
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    return context


def _handshake(
    dialer: Dialer, host: str, port: int, timeout: float, context: ssl.SSLContext
) -> bytes | None:
    with (
        dialer.dial(host, port, timeout) as raw,
        context.wrap_socket(raw, server_hostname=host) as tls,
    ):
        return tls.getpeercert(binary_form=True)


def _described(name: x509.Name) -> str:
    return name.rfc4514_string()[:SUBJECT_LIMIT]


def parse(der: bytes, valid: bool, problem: str | None = None) -> Certificate:
    """The subject, issuer and expiry (naive UTC) of a DER certificate."""
    cert = x509.load_der_x509_certificate(der)
    not_after = cert.not_valid_after_utc.replace(tzinfo=None)
    return Certificate(_described(cert.subject), _described(cert.issuer), not_after, valid, problem)


def read_certificate(
    dialer: Dialer, host: str, port: int, timeout: float, ca_bundle: str | None
) -> Certificate:
    """The certificate ``host:port`` presents and whether it validates for ``host``.

    Connection failures (nothing listening, no TLS) propagate as ``OSError``.
    """
    try:
        der = _handshake(dialer, host, port, timeout, verifying_context(ca_bundle))
    except ssl.SSLCertVerificationError as error:
        problem = error.verify_message or str(error)
        der = _handshake(dialer, host, port, timeout, _unverified_context())
        if der is None:
            return Certificate(None, None, None, False, problem)
        return parse(der, valid=False, problem=problem)
    if der is None:
        return Certificate(None, None, None, False, "no certificate")
    return parse(der, valid=True)
