"""Builds a small image-text retrieval set in the Karpathy split layout from the held-out twemoji style.

Each base emoji is an image with five captions from the corpus (phrasings of its name, with keywords where the
corpus has them). ``--test`` emojis, drawn with a fixed seed, form the ``test`` split; ``--val`` more form ``val``;
the rest are ``train``. Captions follow clip-mini's caption templates, so the set measures how well the model
carries its caption matching over to an art style it was not trained on.

Usage: /usr/bin/python3 tools/evaldata/build_retrieval.py --out /tmp/evaldata [--corpus /tmp/corpus]
Writes OUT/retrieval/dataset_twemoji.json and OUT/retrieval/images/*.png.
"""
import argparse
import json
import random
import shutil
from pathlib import Path

from corpus_samples import DEFAULT_MODELING, HELD_OUT_STYLE, load_samples

CAPTIONS_PER_IMAGE = 5


def entry(sample, split: str, index: int) -> dict:
    captions = sample.captions[-CAPTIONS_PER_IMAGE:]
    return {
        "imgid": index,
        "filepath": "images",
        "filename": Path(sample.image).name,
        "split": split,
        "sentences": [{"raw": caption, "tokens": caption.lower().split()} for caption in captions],
    }


def build(samples, out: Path, test: int, val: int, seed: int) -> dict:
    base = sorted((s for s in samples if s.base), key=lambda s: s.image)
    random.Random(seed).shuffle(base)
    folder = out / "retrieval"
    shutil.rmtree(folder, ignore_errors=True)
    (folder / "images").mkdir(parents=True)
    images = []
    for index, sample in enumerate(base):
        split = "test" if index < test else "val" if index < test + val else "train"
        shutil.copyfile(sample.image, folder / "images" / Path(sample.image).name)
        images.append(entry(sample, split, index))
    document = {"dataset": "twemoji", "images": images}
    (folder / "dataset_twemoji.json").write_text(json.dumps(document, ensure_ascii=False) + "\n", encoding="utf-8")
    return {split: sum(1 for i in images if i["split"] == split) for split in ("test", "val", "train")}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--corpus", type=Path, default=Path("/tmp/corpus"))
    parser.add_argument("--modeling", type=Path, default=DEFAULT_MODELING)
    parser.add_argument("--test", type=int, default=1000)
    parser.add_argument("--val", type=int, default=200)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    counts = build(load_samples(args.corpus, HELD_OUT_STYLE, args.modeling), args.out, args.test, args.val, args.seed)
    print("retrieval: " + ", ".join(f"{count} {split}" for split, count in counts.items()) + " images")


if __name__ == "__main__":
    main()
