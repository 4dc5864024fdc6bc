"""The day at the desk, without Qt: which appointments fall on a day, found in a list that has
no date filter, and kept current at the cost of what changed (see :mod:`desktop.day.finder`
and :mod:`desktop.day.cache`)."""
