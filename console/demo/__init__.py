"""The demo cluster: a whole invented prefecture-level city to explore, train on and test with.

``generate`` fills an empty database with 云溪市's sites, filings, column trees, editors,
posts (some with planted problems waiting in the audit queue), a starter lexicon and the demo
operators, whose password is the public word ``demo``.
"""

from console.demo.generator import DemoSummary, generate

__all__ = ["DemoSummary", "generate"]
