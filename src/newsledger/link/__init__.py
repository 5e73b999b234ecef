"""Cross-document linking: actors across articles, stories, source chains, framing."""
