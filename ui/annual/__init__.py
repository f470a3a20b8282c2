"""The annual report (政府网站工作年度报表) in the GUI: a site's form of entered figures and
the generation of the reports, reachable from the site detail."""
