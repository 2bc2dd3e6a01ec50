"""Accessibility: the site's known exceptions, the record of its last automated check, and
the accessibility statement page built from both."""
