"""Reporting rounds: collect progress from every action lead at once.

`actionplan round open` writes one workbook (a "return") per lead with that lead's actions and
a manifest of what was sent (round.json); `round status` says which returns came back;
`round import` checks every return and adds their progress updates to the plan files, all or
none.
"""
