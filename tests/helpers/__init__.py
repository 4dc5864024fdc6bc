"""What more than one test folder uses (qutebrowser's habit): fixtures and steps live here,
not in a conftest another folder imports from.

* ``windows`` — the real main window on a sandbox (``window_on``, ``open_window``,
  ``ready_to_book``), the app's own signed-in start (``app_session``), the one ``WAIT_MS``.
* ``booking_desk`` / ``day_desk`` — the receptionist's steps on Book and on the Day view.
* ``sign_in`` — driving the sign-in dialog.
* ``bookable`` — really bookable sandbox requests; ``sample`` — the sample business's ids.
* ``forms`` — a form definition parsed or refused in a sentence.
* ``screenshots`` — waiting and grabbing for the screenshot scripts.
* ``accessibility``, ``clipping``, ``colours``, ``wording``, ``qt`` — what a screen reader
  finds, cut-off text, WCAG contrast, times in sentences, the one QApplication.
"""
