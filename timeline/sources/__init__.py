"""Readers for each kind of input, one module per kind; ``url`` and ``address`` hold the only
network code.

Every reader yields ``Article`` objects, or a ``SourceError`` for a document it cannot use;
``read_input`` picks the reader for a path or URL and never raises.
"""

from timeline.sources.article import Article, display_url
from timeline.sources.dispatch import expand_inputs, read_input

__all__ = ["Article", "display_url", "expand_inputs", "read_input"]
