"""Open-data downloads from the model: CSV and JSON per plan, for all plans and per action,
and the JSON Schemas that describe them; the changelog's Atom feeds (feeds.py)."""

from actionplan.export.csv_export import COLUMNS, to_csv_bytes
from actionplan.export.json_export import (
    action_json, action_uid, load_plan_json, plan_json, site_json,
)
from actionplan.export.plan_data import plan_data

__all__ = ["COLUMNS", "action_json", "action_uid", "load_plan_json", "plan_data", "plan_json",
           "site_json", "to_csv_bytes"]
