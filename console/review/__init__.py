"""The content-audit queue, without Qt: screening posts in, leases out, decisions made once.

The GUI, the CLI and other programs share these functions. ``claim`` and ``decide`` work in
the caller's ``Session`` and never commit: the caller owns the transaction (use
``in_transaction``, which also retries when the server breaks a deadlock). The services in
``console.review.service`` wrap them for an acting operator: duty check, one transaction,
one commit.
"""

from console.db.locking import in_transaction, is_deadlock, skips_locked
from console.review.claims import (
    LEASE,
    claim,
    claim_ids,
    claim_items,
    claim_leased,
    extend,
    release,
    requeue_expired,
)
from console.review.decisions import (
    Decided,
    Decision,
    decide,
    decide_with_phrase,
    default_phrase,
    findings_of,
)
from console.review.scanning import (
    SCAN_BATCH,
    ScannedBatch,
    ScanResult,
    Screens,
    findings_json,
    scan,
)
from console.review.together import decide_together

__all__ = [
    "LEASE",
    "SCAN_BATCH",
    "Decided",
    "Decision",
    "ScanResult",
    "ScannedBatch",
    "Screens",
    "claim",
    "claim_ids",
    "claim_items",
    "claim_leased",
    "decide",
    "decide_together",
    "decide_with_phrase",
    "default_phrase",
    "extend",
    "findings_json",
    "findings_of",
    "in_transaction",
    "is_deadlock",
    "release",
    "requeue_expired",
    "scan",
    "skips_locked",
]
