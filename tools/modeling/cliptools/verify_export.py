"""Checks an exported model folder against its PyTorch checkpoint with ONNX Runtime and writes reference
inputs/outputs beside it (``reference.json``) for other runtimes.

Usage: python3 -m cliptools.verify_export CHECKPOINT MODEL_FOLDER
"""
import argparse
from pathlib import Path

import numpy as np

from . import onnx_runtime
from .evaluate import load_checkpoint
from .reference import reference_pixels, write_reference


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("checkpoint", type=Path)
    parser.add_argument("folder", type=Path)
    args = parser.parse_args()

    model, tokenizer, _ = load_checkpoint(args.checkpoint)
    reference = write_reference(model, tokenizer, args.folder)
    pixels = reference_pixels(len(reference["image_embeds"]), model.config.image_size)
    image = onnx_runtime.run(args.folder / "onnx/vision_model.onnx", "pixel_values", pixels)
    text = onnx_runtime.run(args.folder / "onnx/text_model.onnx", "input_ids",
                            np.array(reference["input_ids"], dtype=np.int64))
    image_diff = float(np.abs(image - np.array(reference["image_embeds"])).max())
    text_diff = float(np.abs(text - np.array(reference["text_embeds"])).max())
    print(f"max |onnx - torch|: image {image_diff:.2e}, text {text_diff:.2e}")
    if max(image_diff, text_diff) > reference["tolerance"]:
        raise SystemExit("export does not match the checkpoint")


if __name__ == "__main__":
    main()
