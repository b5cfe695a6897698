"""Seeded, chunk-invariant sampling of a case's parameters.

Draws are cut into fixed blocks of :data:`BLOCK` draws. Each (block, parameter)
pair gets its own generator, spawned from the run's seed with the block index and a
stable hash of the parameter's name as its key. So the same seed gives the same
numbers whatever the chunk size or number of workers, and adding a parameter to a
case leaves the draws of the others unchanged (common random numbers). Inputs joined
by declared rank correlations are drawn together, from one generator per group and
block (:mod:`troopledger.evidence._correlation`).
"""

from __future__ import annotations

import zlib

import numpy as np
from numpy.typing import NDArray

from troopledger.evidence._prior import Prior

__all__ = ["BLOCK", "Sampler", "block_rng"]

#: Draws per block of randomness; chunks of work are whole numbers of blocks.
BLOCK = 16_384


def block_rng(seed: int, block: int, name: str) -> np.random.Generator:
    """The generator for one parameter in one block of draws."""
    key = (int(block), zlib.crc32(name.encode("utf-8")))
    return np.random.Generator(np.random.PCG64(np.random.SeedSequence(int(seed), spawn_key=key)))


class Sampler:
    """Draws a prior's parameters block by block, from the distributions the Prior built once."""

    def __init__(self, prior: Prior) -> None:
        self.prior = prior
        self.distributions = prior.distributions
        self.state_uses = prior.state_uses

    def block(self, seed: int, block: int, n: int) -> dict[str, NDArray[np.float64]]:
        """Draw ``n`` values of every parameter for block number ``block``.

        Scalars come back shaped ``(n,)``; ``state_use_shares`` is ``(n, 4)``.
        """
        joint = {name for g in self.prior.correlations for name in g.names}
        out = {
            name: d.sample(block_rng(seed, block, name), n)
            for name, d in self.distributions.items()
            if name not in joint
        }
        for group in self.prior.correlations:  # declared rank correlations: one copula per group
            out.update(group.sample(self.distributions, block_rng(seed, block, group.key), n))
        out["state_use_shares"] = self.state_uses.sample(block_rng(seed, block, "state_use_shares"), n)
        return out
