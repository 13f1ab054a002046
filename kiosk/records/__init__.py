"""Plain answers from the records, for the screens: the pace toward the next grading, the
sentence as a timeline, money spent against the limit, months in a grid. Pure functions of the
API models (no Qt, no clock: "today" is passed in)."""
