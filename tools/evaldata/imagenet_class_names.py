"""Writes the ``--class-names`` JSON of ``clip eval --zero-shot`` for ImageNet class folders named by WordNet id.

Reads a synset list with one ``<wnid> <name>[, <synonym>...]`` line per class (such as ``LOC_synset_mapping.txt``
of the ImageNet download) and maps each id to its first name: ``{"n01440764": "tench", ...}``. Class names must
differ, so a class whose first name another class shares takes its first synonym that no other class uses
("maillot" becomes "tank suit"); without one it gets a number ("crane", "crane 2") and is named on stderr, to be
edited by hand. CLIP's paper prompts with hand-edited names, which score higher; a JSON of those can be given
instead.

Usage: /usr/bin/python3 tools/evaldata/imagenet_class_names.py LOC_synset_mapping.txt > imagenet-names.json
"""
import argparse
import json
import sys
from pathlib import Path


def class_names(lines) -> dict:
    synonyms = {}
    for line in lines:
        if line.strip():
            wnid, _, names = line.strip().partition(" ")
            synonyms[wnid] = [name.strip() for name in names.split(",") if name.strip()]
    firsts = [names[0] for names in synonyms.values()]
    chosen = {}
    for wnid, names in synonyms.items():
        name = names[0]
        if firsts.count(name) > 1:
            taken = set(firsts) | set(chosen.values())
            name = next((n for n in names[1:] if n not in taken), name)
        number = 1
        while name in chosen.values():
            number += 1
            name = f"{names[0]} {number}"
        if number > 1:
            print(f"{wnid}: no distinct name, using '{name}'; edit it by hand", file=sys.stderr)
        chosen[wnid] = name
    return chosen


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("synsets", type=Path)
    args = parser.parse_args()
    names = class_names(args.synsets.read_text(encoding="utf-8").splitlines())
    json.dump(names, sys.stdout, indent=1, ensure_ascii=False)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
