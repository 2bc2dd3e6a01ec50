"""A council adopting actionplan: the wheel holds everything, and installs into a bare folder."""
