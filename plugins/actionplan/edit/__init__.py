"""Changing plan files for officers: new plans, progress updates and spreadsheet imports.

Every change is written through `yaml_edit.write_checked`: checked with the same checks as
`actionplan validate` before it replaces the file, so a plan file is never left broken.
"""
