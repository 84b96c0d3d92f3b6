"""Geoparsing: every place a report mentions, with who said it, when, how sure, and its role.

The reader itself lives in :mod:`routes.read.parse` as a pipeline of passes; this module
keeps the import path the pipeline, the CLI and the batch use.
"""

from routes.read.parse import MAX_MENTIONS_PER_REPORT, QUOTE_CONTEXT, parse

__all__ = ["MAX_MENTIONS_PER_REPORT", "QUOTE_CONTEXT", "parse"]
