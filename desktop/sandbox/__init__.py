"""A stand-in of vcita's Platform API on 127.0.0.1 for ``--demo``, ``--self-test`` and tests.

Start it with ``desktop.sandbox.server.SandboxServer`` or ``python -m desktop.sandbox``.

Where things are:

* server.py - ``SandboxServer`` (clock, strict mode, history, faults, tokens, logs);
  handler.py - the HTTP side; faults.py - switchable faults;
* routes.py - every endpoint: api_routes.py (the platform's reads, Create New Booking),
  desk_routes.py (the day at the desk), control_routes.py (``/__sandbox/...``), on
  routing.py's dispatcher;
* state.py - ``sandbox.state``: calendar_state.py (seeding, reading, booking) and desk.py
  (cancel, complete, reschedule, accept, waitlist, another desk); store.py keeps the sorted
  orders the appointments list pages through; records.py the shapes;
* seeding.py / history.py - sample bookings around the clock's today, and a big past;
  availability.py - open times (DST-safe, 10-minute grid in strict mode);
* validation.py / form_rules.py - Create New Booking's rules; mode.py - strict switch and
  form shape, with the vendor source of each rule; tokens.py - HS256 staff tokens.
"""
