"""Runs exported ONNX files with ONNX Runtime through Node.js (``onnxruntime-node`` from npm).

The Python ONNX Runtime is not installable on the machines this tooling targets, while npm is, so parity checks
go through a small Node.js script. ``ORT_NODE_MODULES`` names the ``node_modules`` folder that holds
``onnxruntime-node``; the default is ``tools/modeling/build/ort/node_modules`` (``run-tests.sh`` installs it).
"""
import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Optional

import numpy as np

TOOLS_ROOT = Path(__file__).resolve().parent.parent
SCRIPT = TOOLS_ROOT / "ort" / "run_onnx.js"
DEFAULT_NODE_MODULES = TOOLS_ROOT / "build" / "ort" / "node_modules"


def node_modules() -> Optional[Path]:
    """The folder holding onnxruntime-node, or None when it (or node) is missing."""
    folder = Path(os.environ.get("ORT_NODE_MODULES", DEFAULT_NODE_MODULES))
    if shutil.which("node") is None or not (folder / "onnxruntime-node").is_dir():
        return None
    return folder


def run(model_path: Path, input_name: str, values: np.ndarray) -> np.ndarray:
    """Run ``model_path`` on one input and return its first output as float32."""
    modules = node_modules()
    if modules is None:
        raise RuntimeError("node or onnxruntime-node is not installed (see ORT_NODE_MODULES)")
    dtype = "int64" if values.dtype == np.int64 else "float32"
    with tempfile.TemporaryDirectory() as scratch:
        source, target = Path(scratch) / "in.bin", Path(scratch) / "out.bin"
        np.ascontiguousarray(values, dtype="<i8" if dtype == "int64" else "<f4").tofile(source)
        env = dict(os.environ, NODE_PATH=str(modules))
        shape = ",".join(str(d) for d in values.shape)
        done = subprocess.run(
            ["node", str(SCRIPT), str(model_path), input_name, dtype, shape, str(source), str(target)],
            env=env, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise RuntimeError(f"onnxruntime-node failed: {done.stderr.strip()}")
        dims = json.loads(done.stdout.strip().splitlines()[-1])["dims"]
        return np.fromfile(target, dtype="<f4").reshape(dims)
