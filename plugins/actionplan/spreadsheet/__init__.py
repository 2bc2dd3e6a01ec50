"""Plans as spreadsheets (.xlsx or .csv): the documented layout, export, import and template.

`columns` defines the layout (one table per kind of item, linked by ids); `export` turns plan
data into tables, `reading` turns tables back into plan data, and `files` reads and writes
.xlsx and .csv. Export then import gives back the same data.
"""
