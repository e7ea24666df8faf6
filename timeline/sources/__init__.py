"""Readers for each kind of input: one module per kind; the only network code."""
