"""The booking page: pickers for what, when and who, and the Book action."""
