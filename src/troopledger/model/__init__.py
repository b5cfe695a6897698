"""The money-flow model: a pure vectorised function, and the runner that feeds it draws."""

from troopledger.model._deployment import Casualties, Deployment, Rotation, Waves, deploy
from troopledger.model._executor import (
    CLUSTER_ENV,
    DaskExecutor,
    Executor,
    PoolExecutor,
    SerialExecutor,
    make_executor,
)
from troopledger.model._flows import ACCOUNTS, MONTHLY_OUTPUTS, PER_DRAW_OUTPUTS, STATE_USES, Inputs, flows
from troopledger.model._simulate import DEFAULT_CHUNK, Chunk, inputs_from_draws, iter_chunks, simulate

__all__ = [
    "ACCOUNTS",
    "CLUSTER_ENV",
    "DEFAULT_CHUNK",
    "MONTHLY_OUTPUTS",
    "PER_DRAW_OUTPUTS",
    "STATE_USES",
    "Casualties",
    "Chunk",
    "DaskExecutor",
    "Deployment",
    "Executor",
    "Inputs",
    "PoolExecutor",
    "Rotation",
    "SerialExecutor",
    "Waves",
    "deploy",
    "flows",
    "inputs_from_draws",
    "iter_chunks",
    "make_executor",
    "simulate",
]
