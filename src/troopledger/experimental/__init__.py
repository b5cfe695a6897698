"""Unstable features, kept apart until their interfaces settle."""

__all__: list[str] = []
