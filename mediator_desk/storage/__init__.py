"""SQLite storage through sqlite-utils: locations, connections, migrations. No domain rules, no Qt."""
