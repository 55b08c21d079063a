"""Text helpers shared by the ingest readers and later stages: words, paragraphs, tags, names, dates."""
