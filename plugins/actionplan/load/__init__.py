"""Stage 1: read plan files into plain data, keeping the position of every value."""

from actionplan.load.discover import find_plan_files, outside_project
from actionplan.load.yaml_source import SourceDocument, parse_yaml_bytes, read_yaml_file

__all__ = ["SourceDocument", "find_plan_files", "outside_project", "parse_yaml_bytes",
           "read_yaml_file"]
