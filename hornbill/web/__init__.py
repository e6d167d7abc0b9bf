"""The web workspace: a JSON API under /api, server-rendered pages, and the one-file HTML report.

The server opens the knowledge base read-only and loads it once into a :class:`~hornbill.web.catalog.Catalog`
(export-shaped records plus indexes), so a request never scans the whole store.
"""
