"""Shared fixtures and small fakes for the whole suite (qutebrowser's habit)."""
