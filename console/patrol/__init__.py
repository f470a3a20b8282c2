"""Site patrol (网站巡查): read each site as a visitor does and report what it shows.

Pure ``requests`` + lxml + trafilatura on threads; no Qt and no database. ``run.patrol``
patrols many sites and hands back one complete ``results.SiteResult`` per site: column
addresses and last updates (``navigation``, ``lists``, ``dates``), new posts with their main
text (``content``), links that do not open and redirects off the site (``site``), hidden links
(``hidden``). ``fetching`` and ``gates`` keep every request polite and bounded; ``records``
is what a store keeps between patrols so that the next asks conditionally, and what lets a
stopped patrol resume.
"""
