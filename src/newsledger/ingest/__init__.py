"""Sources → Article: readers (text, HTML, JSON Lines, CSV, feeds, WARC), extraction, roles, dedupe."""
