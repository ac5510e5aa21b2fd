"""What every phase shares: the error type, line-aware YAML, front matter, URLs and sentences."""
