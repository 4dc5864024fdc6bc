"""Every endpoint of the sandbox, registered by importing the modules that define them.

``dispatch(app, request)`` answers a :class:`Request`; see routing.py for how routes are
matched, api_routes.py (the platform's reads and Create New Booking), desk_routes.py (the day
at the desk) and control_routes.py (``/__sandbox/``).
"""

from __future__ import annotations

from desktop.sandbox import api_routes, control_routes, desk_routes
from desktop.sandbox.routing import Request, SandboxApp, dispatch

__all__ = ["Request", "SandboxApp", "api_routes", "control_routes", "desk_routes", "dispatch"]
