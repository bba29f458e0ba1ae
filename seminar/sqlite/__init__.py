"""SQLite with writers queued in the process (the embedded default's database backend)."""
