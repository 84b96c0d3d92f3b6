"""The reader as a short pipeline of passes, one module each.

1. :mod:`~routes.read.parse.candidates` — stretches of text that may name a place
   (:mod:`~routes.read.parse.framing`: what the words around a name say it is;
   :mod:`~routes.read.parse.match`: the match and its readings);
2. :mod:`~routes.read.parse.resolve` — which place each one means, if any;
3. :mod:`~routes.read.parse.attribution` — who each sentence says said it;
4. :mod:`~routes.read.parse.status` — how sure each clause is (status and modality);
5. :mod:`~routes.read.parse.sentences` — each sentence's times, and whether it is history;
6. :mod:`~routes.read.parse.role` — the journey role of each mention and of each place.

:func:`parse` (in :mod:`~routes.read.parse.reader`) runs them in that order;
:mod:`~routes.read.parse.visits` orders the visits they give by event time.
"""

from routes.read.parse.reader import MAX_MENTIONS_PER_REPORT, QUOTE_CONTEXT, parse

__all__ = ["MAX_MENTIONS_PER_REPORT", "QUOTE_CONTEXT", "parse"]
