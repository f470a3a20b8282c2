"""互动交流: the sites' interaction channels and messages, their import and the 3-month rule.

``import_messages``/``feed`` bring records in (from a platform's export or directly);
``rule`` judges 互动回应差; ``statistics`` counts a site's messages of a year.
"""
