"""The console's own operators: first run, login, passwords and separated duties (三员分立)."""
