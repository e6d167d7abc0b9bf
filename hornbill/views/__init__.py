"""Queries shared by the CLI and (later) the web layer: exports, timeline, stats."""
