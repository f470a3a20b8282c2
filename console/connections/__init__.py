"""Connecting to a cluster database: saved profiles, passwords kept safely, and a connection test.

Profiles hold a name and an address without password; passwords go to the ``PasswordStore``
(the OS keyring, or memory for this session); ``test_connection`` tries an address before use.
"""

from console.connections.password_store import (
    DEFAULT_TIMEOUT_S,
    SERVICE,
    PasswordStore,
    keyring_key,
)
from console.connections.probe import ConnectionReport, connect_url, test_connection
from console.connections.profiles import (
    DRIVERS,
    Profile,
    add_profile,
    delete_profile,
    load_profiles,
    make_profile,
    profiles_path,
    replace_profile,
    save_profiles,
)

__all__ = [
    "DEFAULT_TIMEOUT_S",
    "DRIVERS",
    "SERVICE",
    "ConnectionReport",
    "PasswordStore",
    "Profile",
    "add_profile",
    "connect_url",
    "delete_profile",
    "keyring_key",
    "load_profiles",
    "make_profile",
    "profiles_path",
    "replace_profile",
    "save_profiles",
    "test_connection",
]
