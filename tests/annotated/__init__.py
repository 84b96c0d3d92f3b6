"""The annotated set: team-written reports with the places each one must yield."""

from tests.annotated.load import AnnotatedCase, AnnotatedItem, load_annotated, load_cases

__all__ = ["AnnotatedCase", "AnnotatedItem", "load_annotated", "load_cases"]
