"""Live probes of the cluster's sites: home page, HTTPS, certificate, IPv6 and footer.

Pure ``requests`` + ``ssl`` + ``socket`` + ``cryptography``; no Qt and no database. The
services store what a sweep finds; the GUI and the CLI run sweeps on a bounded pool.
"""

# The start of a probe's ``error`` when the site answers but its certificate does not validate.
CERT_PROBLEM = "certificate: "
