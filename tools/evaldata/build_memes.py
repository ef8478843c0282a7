"""Builds a small synthetic meme set in the Hateful Memes layout from real photos with a caption drawn on them.

Every photo appears twice: once with a friendly caption (label 0, "i love this frog") and once with a
"hateful-style" caption (label 1, "i hate this frog"). The phrases are placeholders about objects, clean and
clearly synthetic; they only give the two classes a difference that lies in the text, as in the real data set,
where the same image appears with benign and hateful captions. The image alone therefore tells nothing.

Photos: the sample photos of this repository that show no person, and Tux Paint stamps that are photographs
(Debian ``tuxpaint-stamps-default``, fetched by tools/modeling/fetch-corpus.sh), from categories of animals,
food, plants, vehicles, household things, places and space. Objects are split between ``train.jsonl`` and
``dev.jsonl``, so a probe is measured on objects it has not seen.

Usage: /usr/bin/python3 tools/evaldata/build_memes.py --out /tmp/evaldata [--corpus /tmp/corpus]
Writes OUT/memes/img/NNNNN.jpg, OUT/memes/train.jsonl and OUT/memes/dev.jsonl.
"""
import argparse
import json
import random
import shutil
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFont

from corpus_samples import DEFAULT_MODELING, REPOSITORY, load_samples

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"  # Debian fonts-dejavu-core
SIZE = 320
HATEFUL_STYLE = ("i hate this {}", "this {} is the worst", "nobody wants this {}", "get this {} out of here")
BENIGN = ("i love this {}", "this {} is the best", "everybody wants this {}", "what a lovely {}")
SAMPLE_PHOTOS = {"chelsea.png": "cat", "coffee.png": "cup of coffee", "rocket.jpg": "rocket",
                 "hubble_deep_field.jpg": "galaxy", "flower.jpg": "flower"}
STAMP_CATEGORIES = ("animals", "food", "plants", "vehicles", "household", "town", "space", "clothes", "hobbies",
                    "sports", "naturalforces")
MIN_COLOURS = 3000  # opaque pixels with more distinct colours than this are taken for photographs
MIN_SIDE = 100


def distinct_colours(image: Image.Image) -> int:
    pixels = np.asarray(image.convert("RGBA"))
    opaque = pixels[pixels[..., 3] > 200][:, :3].astype(np.int64)
    return len(np.unique(opaque @ np.array([65536, 256, 1]))) if len(opaque) else 0


def stamp_photos(corpus: Path, modeling: Path):
    """(path, object name) of every Tux Paint stamp photograph in the chosen categories."""
    photos = []
    for sample in load_samples(corpus, "tuxpaint", modeling):
        if sample.category not in STAMP_CATEGORIES or not sample.image.endswith(".png") or not sample.label:
            continue
        with Image.open(sample.image) as image:
            if max(image.size) >= MIN_SIDE and distinct_colours(image) > MIN_COLOURS:
                photos.append((sample.image, sample.label))
    return photos


def fit_on_background(path: str, rng: random.Random) -> Image.Image:
    """The photo scaled so its longer side is SIZE, on a SIZE x SIZE square of a light random colour."""
    image = Image.open(path).convert("RGBA")
    scale = SIZE / max(image.size)
    image = image.resize((max(1, round(image.width * scale)), max(1, round(image.height * scale))), Image.BICUBIC)
    colour = tuple(rng.randint(170, 255) for _ in range(3)) + (255,)
    canvas = Image.new("RGBA", (SIZE, SIZE), colour)
    canvas.alpha_composite(image, ((SIZE - image.width) // 2, (SIZE - image.height) // 2))
    return canvas.convert("RGB")


def draw_caption(image: Image.Image, text: str) -> Image.Image:
    """The caption in white capitals with a black outline across the top, wrapped to the width, as memes do."""
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(FONT, 26)
    lines, line = [], ""
    for word in text.upper().split():
        candidate = f"{line} {word}".strip()
        if line and draw.textlength(candidate, font=font) > SIZE - 20:
            lines.append(line)
            candidate = word
        line = candidate
    lines.append(line)
    y = 8
    for line in lines:
        width = draw.textlength(line, font=font)
        draw.text(((SIZE - width) / 2, y), line, font=font, fill="white", stroke_width=2, stroke_fill="black")
        y += 32
    return image


def build(photos, out: Path, dev_share: float, seed: int):
    rng = random.Random(seed)
    folder = out / "memes"
    shutil.rmtree(folder, ignore_errors=True)
    (folder / "img").mkdir(parents=True)
    order = list(range(len(photos)))
    rng.shuffle(order)
    dev = set(order[: round(dev_share * len(photos))])
    splits = {"train": [], "dev": []}
    number = 0
    for index, (path, name) in enumerate(photos):
        base = fit_on_background(path, rng)
        for label, phrases in ((0, BENIGN), (1, HATEFUL_STYLE)):
            number += 1
            text = rng.choice(phrases).format(name)
            image_name = f"img/{number:05d}.jpg"
            draw_caption(base.copy(), text).save(folder / image_name, quality=90)
            meme = {"id": number, "img": image_name, "label": label, "text": text}
            splits["dev" if index in dev else "train"].append(meme)
    for split, memes in splits.items():
        with open(folder / f"{split}.jsonl", "w", encoding="utf-8") as file:
            for meme in memes:
                file.write(json.dumps(meme) + "\n")
    return {split: len(memes) for split, memes in splits.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--corpus", type=Path, default=Path("/tmp/corpus"))
    parser.add_argument("--modeling", type=Path, default=DEFAULT_MODELING)
    parser.add_argument("--dev-share", type=float, default=0.3)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    samples = REPOSITORY / "samples" / "images"
    photos = [(str(samples / file), name) for file, name in SAMPLE_PHOTOS.items()]
    photos += sorted(stamp_photos(args.corpus, args.modeling))
    counts = build(photos, args.out, args.dev_share, args.seed)
    print(f"memes: {len(photos)} photos, {counts['train']} train and {counts['dev']} dev memes")


if __name__ == "__main__":
    main()
