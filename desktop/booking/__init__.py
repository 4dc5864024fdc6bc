"""What the receptionist has chosen so far, and how it becomes a booking request (no Qt)."""
