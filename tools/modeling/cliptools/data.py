"""Training and evaluation inputs: rasterised corpus arrays, caption ids, augmentation and preprocessing."""
import json
from pathlib import Path
from typing import List, Sequence, Tuple

import numpy as np
import torch
from PIL import Image
from torch.nn import functional as F

from .bpe import BpeTokenizer
from .corpus import Sample
from .export import CLIP_IMAGE_MEAN, CLIP_IMAGE_STD


def load_style(build: Path, style: str) -> Tuple[np.ndarray, List[Sample]]:
    """RGBA images and samples written by ``build_corpus``."""
    images = np.load(build / f"{style}.npz")["images"]
    samples = [Sample(**s) for s in json.loads((build / f"{style}.json").read_text(encoding="utf-8"))]
    if len(samples) != len(images):
        raise ValueError(f"{style}: {len(images)} images but {len(samples)} samples")
    return images, samples


def normalise(pixels: torch.Tensor) -> torch.Tensor:
    """RGB in 0..1, [batch, 3, H, W], to the normalised model input."""
    mean = torch.tensor(CLIP_IMAGE_MEAN).reshape(1, 3, 1, 1)
    std = torch.tensor(CLIP_IMAGE_STD).reshape(1, 3, 1, 1)
    return (pixels - mean) / std


def augment(rgba: torch.Tensor, size: int, generator: torch.Generator) -> torch.Tensor:
    """Light augmentation for a batch of uint8 RGBA images [batch, H, W, 4]: random zoom (0.8-1.2) and shift
    (up to 10 %), bilinear resampling to ``size``, and a solid background that is white for 60 % of images and a
    random colour otherwise. Returns normalised model input."""
    batch = rgba.shape[0]
    image = rgba.permute(0, 3, 1, 2).float() / 255
    scale = torch.empty(batch).uniform_(0.8, 1.2, generator=generator)
    shift = torch.empty(batch, 2).uniform_(-0.1, 0.1, generator=generator)
    theta = torch.zeros(batch, 2, 3)
    theta[:, 0, 0], theta[:, 1, 1] = scale, scale
    theta[:, :, 2] = shift
    grid = F.affine_grid(theta, [batch, 4, size, size], align_corners=False)
    image = F.grid_sample(image, grid, mode="bilinear", padding_mode="zeros", align_corners=False).clamp(0, 1)

    background = torch.rand(batch, 3, 1, 1, generator=generator)
    white = torch.rand(batch, 1, 1, 1, generator=generator) < 0.6
    background = torch.where(white, torch.ones_like(background), background)
    alpha = image[:, 3:4]
    return normalise(image[:, :3] * alpha + background * (1 - alpha))


def preprocess(rgba: np.ndarray, size: int) -> torch.Tensor:
    """Evaluation preprocessing of one RGBA image, as the pipeline does it: composite on white, bicubic resize of
    the short side to ``size``, centre crop, normalise. Returns [3, size, size]."""
    image = Image.fromarray(rgba, "RGBA")
    white = Image.new("RGBA", image.size, (255, 255, 255, 255))
    image = Image.alpha_composite(white, image).convert("RGB")
    short = min(image.size)
    if short != size:
        image = image.resize((image.width * size // short, image.height * size // short), Image.BICUBIC)
    left, top = round((image.width - size) / 2), round((image.height - size) / 2)
    image = image.crop((left, top, left + size, top + size))
    pixels = torch.from_numpy(np.asarray(image, dtype=np.float32) / 255).permute(2, 0, 1)
    return normalise(pixels.unsqueeze(0))[0]


def tokenize_all(tokenizer: BpeTokenizer, texts: Sequence[str], context_length: int) -> torch.Tensor:
    """[len(texts), context_length] int64 ids."""
    return torch.tensor([tokenizer.tokenize(t, context_length) for t in texts], dtype=torch.int64)
