"""Builds class-folder data sets (one sub-folder of images per class) from the held-out twemoji style.

- ``twemoji-names``: one image per class, the class being the emoji's name, for the concrete categories
  (animals & nature, food & drink, travel & places, objects, activities): about 900-way zero-shot
  classification, like ImageNet's 1000 classes. ``class-names.json`` maps folders to the names to prompt with.
- ``twemoji-groups``: emoji sub-groups as classes (mammal, bird, fruit, vehicle, ...), at most ``--per-class``
  images each: zero-shot and linear-probe classification with several images per class.

Usage: /usr/bin/python3 tools/evaldata/build_classfolders.py --out /tmp/evaldata [--corpus /tmp/corpus]
"""
import argparse
import json
import random
import shutil
from pathlib import Path

from corpus_samples import DEFAULT_MODELING, HELD_OUT_STYLE, load_samples, unique_folder_names

NAMED_CATEGORIES = ("animals & nature", "food & drink", "travel & places", "objects", "activities")

# Emoji sub-group -> the class name prompted with (plain words a caption would use).
GROUPS = {
    "animal-mammal": "mammal", "animal-bird": "bird", "animal-bug": "insect", "animal-marine": "sea animal",
    "animal-reptile": "reptile", "plant-flower": "flower", "plant-other": "plant", "food-fruit": "fruit",
    "food-vegetable": "vegetable", "food-prepared": "meal", "food-sweet": "dessert", "drink": "drink",
    "transport-ground": "land vehicle", "transport-air": "aircraft", "transport-water": "boat",
    "place-building": "building", "sky & weather": "weather", "clothing": "clothing",
    "musical-instrument": "musical instrument", "tool": "tool", "sport": "sports equipment",
    "country-flag": "flag", "heart": "heart", "zodiac": "zodiac sign",
}


def build_names(samples, out: Path) -> int:
    chosen = sorted((s for s in samples if s.base and s.category in NAMED_CATEGORIES), key=lambda s: s.label)
    folders = unique_folder_names([s.label for s in chosen])
    root = out / "twemoji-names"
    for sample, folder in zip(chosen, folders):
        (root / folder).mkdir(parents=True, exist_ok=True)
        shutil.copyfile(sample.image, root / folder / Path(sample.image).name)
    names = {folder: sample.label for sample, folder in zip(chosen, folders)}
    (out / "twemoji-names.class-names.json").write_text(json.dumps(names, indent=1, ensure_ascii=False) + "\n",
                                                        encoding="utf-8")
    return len(chosen)


def build_groups(samples, out: Path, per_class: int, seed: int) -> int:
    rng = random.Random(seed)
    count = 0
    for group, name in sorted(GROUPS.items()):
        members = sorted((s for s in samples if s.base and s.subcategory == group), key=lambda s: s.image)
        rng.shuffle(members)
        folder = out / "twemoji-groups" / name.replace(" ", "_")
        folder.mkdir(parents=True, exist_ok=True)
        for sample in members[:per_class]:
            shutil.copyfile(sample.image, folder / Path(sample.image).name)
            count += 1
    return count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--corpus", type=Path, default=Path("/tmp/corpus"))
    parser.add_argument("--modeling", type=Path, default=DEFAULT_MODELING)
    parser.add_argument("--per-class", type=int, default=40)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    samples = load_samples(args.corpus, HELD_OUT_STYLE, args.modeling)
    for name in ("twemoji-names", "twemoji-groups"):
        shutil.rmtree(args.out / name, ignore_errors=True)
    print(f"twemoji-names: {build_names(samples, args.out)} images")
    print(f"twemoji-groups: {build_groups(samples, args.out, args.per_class, args.seed)} images")


if __name__ == "__main__":
    main()
