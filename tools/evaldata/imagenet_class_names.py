"""Writes the ``--class-names`` JSON of ``clip eval --zero-shot`` for ImageNet class folders named by WordNet id.

Reads a synset list with one ``<wnid> <name>[, <synonym>...]`` line per class (such as ``LOC_synset_mapping.txt``
of the ImageNet download) and maps each id to its first name: ``{"n01440764": "tench", ...}``. CLIP's paper
prompts with hand-edited names, which score higher; a JSON of those names can be given instead.

Usage: /usr/bin/python3 tools/evaldata/imagenet_class_names.py LOC_synset_mapping.txt > imagenet-names.json
"""
import argparse
import json
import sys
from pathlib import Path


def class_names(lines) -> dict:
    names = {}
    for line in lines:
        if line.strip():
            wnid, _, synonyms = line.strip().partition(" ")
            names[wnid] = synonyms.split(",")[0].strip()
    return names


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("synsets", type=Path)
    args = parser.parse_args()
    names = class_names(args.synsets.read_text(encoding="utf-8").splitlines())
    json.dump(names, sys.stdout, indent=1, ensure_ascii=False)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
