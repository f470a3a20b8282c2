"""政府网站工作年度报表: the national template, the figures the console counts, the figures
operators enter (saved, versioned, journalled), and each site's report of a year."""
