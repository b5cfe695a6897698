"""The money-flow model: a pure vectorised function, the runner that feeds it draws, and what a run keeps."""

from troopledger.model._deployment import Casualties, Deployment, Rotation, Waves, deploy
from troopledger.model._draws import (
    FLOAT64_UP_TO,
    MONTHLY_CAP,
    MONTHLY_VARIABLES,
    TOTAL_VARIABLES,
    Draws,
    Targets,
    collect,
    collect_chunks,
    per_draw,
)
from troopledger.model._flows import MONTHLY_OUTPUTS, PER_DRAW_OUTPUTS, Inputs, flows
from troopledger.model._outputs import ACCOUNTS, OUTPUTS, STATE_USES, Output, state_use_output
from troopledger.model._simulate import DEFAULT_CHUNK, Chunk, Progress, inputs_from_draws, iter_chunks, simulate

__all__ = [
    "ACCOUNTS",
    "DEFAULT_CHUNK",
    "FLOAT64_UP_TO",
    "MONTHLY_CAP",
    "MONTHLY_OUTPUTS",
    "MONTHLY_VARIABLES",
    "OUTPUTS",
    "PER_DRAW_OUTPUTS",
    "STATE_USES",
    "TOTAL_VARIABLES",
    "Casualties",
    "Chunk",
    "Deployment",
    "Draws",
    "Inputs",
    "Output",
    "Progress",
    "Rotation",
    "Targets",
    "Waves",
    "collect",
    "collect_chunks",
    "deploy",
    "flows",
    "inputs_from_draws",
    "iter_chunks",
    "per_draw",
    "simulate",
    "state_use_output",
]
