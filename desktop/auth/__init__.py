"""Signing in: the staff token in the OS keyring, its expiry, and the settings file. No Qt."""
