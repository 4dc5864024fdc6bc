"""A stand-in of vcita's Platform API on 127.0.0.1 for ``--demo``, ``--self-test`` and tests.

Start it with ``desktop.sandbox.server.SandboxServer`` or ``python -m desktop.sandbox``.
"""
