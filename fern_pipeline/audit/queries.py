"""The audit's SQL statements, in the ``.sql`` files beside this module."""

from fern_pipeline.sqlfiles import SqlFiles

AUDIT_SQL = SqlFiles("fern_pipeline.audit")
sql = AUDIT_SQL.text
run = AUDIT_SQL.run
records = AUDIT_SQL.records
