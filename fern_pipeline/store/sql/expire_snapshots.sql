-- Forget the lake's snapshots older than $older_than: time travel to them ends.
SELECT * FROM ducklake_expire_snapshots('lake', older_than => $older_than)
