"""Reference inputs and PyTorch outputs stored next to an exported model, so another runtime can check parity."""
import json
from pathlib import Path
from typing import Sequence

import numpy as np
import torch

from .bpe import BpeTokenizer
from .model import Clip

REFERENCE_TEXTS = ("a photo of a cat", "an emoji of a grinning face", "", "flag: France!")
PIXEL_FORMULA = "((b * 7 + c * 3 + y * 5 + x * 11) % 17) / 8 - 1"


def reference_pixels(batch: int, image_size: int) -> np.ndarray:
    """Deterministic pixels, exactly representable in float32, that any language can regenerate."""
    b, c, y, x = np.meshgrid(np.arange(batch), np.arange(3), np.arange(image_size), np.arange(image_size),
                             indexing="ij")
    return (((b * 7 + c * 3 + y * 5 + x * 11) % 17) / 8 - 1).astype(np.float32)


def write_reference(model: Clip, tokenizer: BpeTokenizer, folder: Path,
                    texts: Sequence[str] = REFERENCE_TEXTS, batch: int = 2) -> dict:
    """Write ``reference.json`` (inputs, outputs) and ``reference_*.npy`` (outputs) into ``folder``."""
    model.eval()
    pixels = reference_pixels(batch, model.config.image_size)
    ids = np.array([tokenizer.tokenize(t, model.config.context_length) for t in texts], dtype=np.int64)
    with torch.no_grad():
        image = model.encode_image(torch.from_numpy(pixels)).numpy()
        text = model.encode_text(torch.from_numpy(ids)).numpy()
    reference = {
        "pixel_values": {"shape": list(pixels.shape), "formula": PIXEL_FORMULA, "dtype": "float32"},
        "texts": list(texts),
        "input_ids": ids.tolist(),
        "image_embeds": image.tolist(),
        "text_embeds": text.tolist(),
        "logit_scale": float(model.logit_scale.exp().item()),
        "tolerance": 1e-4,
    }
    (folder / "reference.json").write_text(json.dumps(reference, indent=1) + "\n", encoding="utf-8")
    np.save(folder / "reference_image_embeds.npy", image)
    np.save(folder / "reference_text_embeds.npy", text)
    return reference
