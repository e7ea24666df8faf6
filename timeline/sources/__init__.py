"""Readers for each kind of input, one module per kind; ``url`` holds the only network code.

Every reader yields ``Article`` objects; ``read_path`` and ``read_url`` pick the reader.
"""

from timeline.sources.article import Article
from timeline.sources.dispatch import expand_inputs, read_input

__all__ = ["Article", "expand_inputs", "read_input"]
