"""Services: every read the tabs make and every write anyone makes goes through here."""
