"""Stage 2: check plan data against the JSON Schema and against itself."""

from actionplan.validate.cross_check import cross_check
from actionplan.validate.placeholders import placeholder, placeholder_problems
from actionplan.validate.schema_check import SCHEMA_PATH, load_schema, schema_problems
from actionplan.validate.status_words import normalise_status_codes, plain_code

__all__ = ["SCHEMA_PATH", "cross_check", "load_schema", "normalise_status_codes", "placeholder",
           "placeholder_problems", "plain_code", "schema_problems"]
