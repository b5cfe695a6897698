"""Calibration: observation claims as likelihoods over draws, weights and contradictions."""

__all__: list[str] = []
