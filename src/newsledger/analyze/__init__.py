"""The spaCy pipeline and one component per extractor; ``to_records`` turns Docs into records."""
