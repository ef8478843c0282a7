"""Rasterises the corpus into one array per art style: RGBA images of ``SIZE`` x ``SIZE`` plus a JSON manifest.

Usage: python3 -m cliptools.build_corpus [--root /tmp/corpus] [--styles noto openmoji tuxpaint twemoji]
Writes ROOT/build/STYLE.npz (uint8 [N, SIZE, SIZE, 4]) and ROOT/build/STYLE.json (one sample per image).
"""
import argparse
import io
import json
import subprocess
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict
from pathlib import Path

import numpy as np
from PIL import Image

from .corpus import EVALUATION_STYLE, TRAINING_STYLES, Sample, load_samples

SIZE = 96


def _open(path: str) -> Image.Image:
    if path.endswith(".svg"):
        png = subprocess.run(["rsvg-convert", "-a", "-w", str(SIZE), "-h", str(SIZE), path],
                             capture_output=True, check=True).stdout
        return Image.open(io.BytesIO(png))
    return Image.open(path)


def rasterise(path: str) -> np.ndarray:
    """The image scaled to fit ``SIZE`` x ``SIZE`` (aspect kept), centred on a transparent square."""
    image = _open(path).convert("RGBA")
    scale = SIZE / max(image.size)
    size = (max(1, round(image.width * scale)), max(1, round(image.height * scale)))
    resample = Image.LANCZOS if scale < 1 else Image.BICUBIC
    image = image.resize(size, resample)
    canvas = Image.new("RGBA", (SIZE, SIZE), (0, 0, 0, 0))
    canvas.paste(image, ((SIZE - size[0]) // 2, (SIZE - size[1]) // 2))
    return np.asarray(canvas, dtype=np.uint8)


def build_style(root: Path, style: str) -> int:
    """Rasterise one style; returns the number of images written."""
    samples = load_samples(root, style)
    with ThreadPoolExecutor(max_workers=2) as pool:
        images = list(pool.map(lambda s: _try_rasterise(s), samples))
    kept = [(s, i) for s, i in zip(samples, images) if i is not None]
    out = root / "build"
    out.mkdir(parents=True, exist_ok=True)
    np.savez(out / f"{style}.npz", images=np.stack([i for _, i in kept]))
    (out / f"{style}.json").write_text(json.dumps([asdict(s) for s, _ in kept], indent=0), encoding="utf-8")
    return len(kept)


def _try_rasterise(sample: Sample):
    try:
        return rasterise(sample.image)
    except (OSError, subprocess.CalledProcessError) as error:
        print(f"skipped {sample.image}: {error}")
        return None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=Path("/tmp/corpus"))
    parser.add_argument("--styles", nargs="+", default=list(TRAINING_STYLES) + [EVALUATION_STYLE])
    args = parser.parse_args()
    for style in args.styles:
        started = time.time()
        count = build_style(args.root, style)
        print(f"{style}: {count} images in {time.time() - started:.0f} s")


if __name__ == "__main__":
    main()
