"""Builds a multi-label set like PASCAL VOC's classification task from the held-out twemoji style.

Each image is a square scene with one to three emoji of different classes among VOC's object classes that have
an emoji (all but "dining table"), on a light background; its labels are those classes.

Usage: /usr/bin/python3 tools/evaldata/build_multilabel.py --out /tmp/evaldata [--corpus /tmp/corpus]
Writes OUT/voc-emoji/images/NNNNN.png, OUT/voc-emoji/labels.json (image list layout of ``clip eval
--multilabel``) and the same labels as OUT/voc-emoji/labels.csv.
"""
import argparse
import json
import random
import shutil
from pathlib import Path

from PIL import Image

from corpus_samples import DEFAULT_MODELING, HELD_OUT_STYLE, load_samples

SIZE = 224
# VOC class -> the emoji that shows it.
CLASSES = {
    "aeroplane": "airplane", "bicycle": "bicycle", "bird": "bird", "boat": "sailboat",
    "bottle": "bottle with popping cork", "bus": "bus", "car": "automobile", "cat": "cat", "chair": "chair",
    "cow": "cow", "dog": "dog", "horse": "horse", "motorbike": "motorcycle", "person": "person",
    "potted plant": "potted plant", "sheep": "ewe", "sofa": "couch and lamp", "train": "train",
    "tv monitor": "television",
}
CELLS = [(0, 0), (1, 0), (0, 1), (1, 1)]


def scene(emoji: list, rng: random.Random) -> Image.Image:
    """The emoji in distinct quarters of a light square, each scaled to 64-104 px and jittered in its quarter."""
    canvas = Image.new("RGBA", (SIZE, SIZE), tuple(rng.randint(200, 255) for _ in range(3)) + (255,))
    half = SIZE // 2
    for path, (column, row) in zip(emoji, rng.sample(CELLS, len(emoji))):
        side = rng.randint(64, 104)
        image = Image.open(path).convert("RGBA").resize((side, side), Image.BICUBIC)
        x = column * half + rng.randint(0, half - side)
        y = row * half + rng.randint(0, half - side)
        canvas.alpha_composite(image, (x, y))
    return canvas.convert("RGB")


def build(samples, out: Path, count: int, seed: int) -> int:
    by_label = {s.label: s.image for s in samples if s.base}
    missing = [emoji for emoji in CLASSES.values() if emoji not in by_label]
    if missing:
        raise SystemExit(f"the corpus lacks the emoji {missing}")
    rng = random.Random(seed)
    folder = out / "voc-emoji"
    shutil.rmtree(folder, ignore_errors=True)
    (folder / "images").mkdir(parents=True)
    entries = []
    for number in range(1, count + 1):
        labels = sorted(rng.sample(list(CLASSES), rng.randint(1, 3)))
        name = f"images/{number:05d}.png"
        scene([by_label[CLASSES[label]] for label in labels], rng).save(folder / name)
        entries.append({"image": name, "labels": labels})
    document = {"classes": list(CLASSES), "images": entries}
    (folder / "labels.json").write_text(json.dumps(document, indent=1) + "\n", encoding="utf-8")
    lines = ["image,labels"] + [f"{e['image']},{'|'.join(e['labels'])}" for e in entries]
    (folder / "labels.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(entries)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--corpus", type=Path, default=Path("/tmp/corpus"))
    parser.add_argument("--modeling", type=Path, default=DEFAULT_MODELING)
    parser.add_argument("--count", type=int, default=400)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    built = build(load_samples(args.corpus, HELD_OUT_STYLE, args.modeling), args.out, args.count, args.seed)
    print(f"voc-emoji: {built} images")


if __name__ == "__main__":
    main()
