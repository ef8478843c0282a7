"""Model tooling for the CLIP pipeline: architectures, tokenizer training, export, training and evaluation."""
import os

# Idle OpenMP threads sleep instead of spinning: on a shared machine spinning threads burned most of the CPU
# time of a training step. Must be set before torch (and its OpenMP runtime) is loaded.
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
