"""Reported Routes: news reports in, the reported journey mapped along the real railway."""

__version__ = "0.1.0"
