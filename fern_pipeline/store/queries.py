"""The SQL statements of the store, in the ``.sql`` files beside this module."""

from fern_pipeline.sqlfiles import SqlFiles

STORE_SQL = SqlFiles("fern_pipeline.store")
sql = STORE_SQL.text
records = STORE_SQL.records
