"""Pure-Python computations of the OKR suite: no ORM state, unit-tested on their own."""
