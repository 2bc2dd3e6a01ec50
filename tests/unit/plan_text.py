"""A small valid plan file as text, for tests that break one thing at a time."""

VALID = """\
schema_version: 1
plan:
  id: test-plan
  title: Test plan
  organisation: {name: Test Council, kind: local_authority, basis: stated}
  levels: [{kind: objective, label: Objective}]
groups:
  - id: objective-1
    number: "1"
    title: First objective
    actions:
      - id: "1.1"
        number: "1.1"
        title: First action
        due: [April 2018]
        progress:
          - status: in_progress
            text: Started.
      - id: "1.2"
        number: "1.2"
        title: Second action
"""
