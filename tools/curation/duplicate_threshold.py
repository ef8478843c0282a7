#!/usr/bin/python3
"""Measures where the near-duplicate threshold of `clip duplicates` should sit for a model.

Two steps around the product itself (`clip run --db` embeds, `clip duplicates` groups):

1. `variants` copies the pictures of a corpus folder (described by its `manifest.jsonl`) into a work folder and
   adds four variants of each of ten pictures with Pillow: half size, a centred 90 % crop, JPEG quality 60 and
   the top-left 70 % corner.
2. `score` reads every pair's cosine from PostgreSQL (through `psql`), sorts the pairs into same-picture kinds
   (the manifest's `same_scene_as` re-encodes, the variants among themselves and with their original) and
   distinct pictures of the corpus, and prints Markdown tables: the cosines of each kind per model, and the pairs
   at or above each threshold. With `--groups`, the JSON of `clip duplicates` runs is read too: the same pairs are
   counted as grouped when both images landed in one group, and the groups are compared with an exact all-pairs
   grouping (the command finds neighbours through the approximate HNSW index).

Usage, from the repository root (Debian's interpreter, python3-pil and python3-numpy):

    /usr/bin/python3 tools/curation/duplicate_threshold.py variants --corpus ../shared/images/real --out DIR
    /usr/bin/python3 tools/curation/duplicate_threshold.py score --corpus ../shared/images/real \
        --psql postgresql://USER@HOST:PORT/DB --model clip-mini [--model tiny-clip] [--groups dup-0.95.json ...]
"""

import argparse
import collections
import csv
import io
import json
import os
import shutil
import subprocess

import numpy as np
from PIL import Image, ImageOps

# Ten pictures of different kinds: product render, parrots, city, macro, food, outdoor, astronomy, building,
# painting, greyscale. All are RGB or greyscale, so saving them as JPEG changes nothing but the compression.
PICTURES = [
    "eshop_product_helmet.webp", "kodak_kodim23.png", "libavif_paris.jpg", "mate_LadyBird.jpg",
    "mlnet_tomato.bmp", "sharp_Landscape_9.jpg", "skimage_hubble_deep_field.jpg", "sklearn_china.jpg",
    "wuffs_harvesters.jpeg", "skimage_camera.png",
]
VARIANTS = {"half": ".png", "crop90": ".png", "q60": ".jpg", "corner70": ".png"}
SEPARATOR = "--"
SAME_COLUMNS = [("reencode", "resize"), ("crop90",), ("corner70",)]
# Kinds of pairs, in table order; a same-picture pair's kind is that of its strongest change.
KINDS = [
    ("reencode", "`same_scene_as` re-encodes"),
    ("resize", "half size, JPEG q60, and the two with each other"),
    ("crop90", "centred 90 % crop, with the original, half size or q60"),
    ("corner70", "70 % corner crop, with the original or any other variant"),
    ("distinct", "distinct pictures of the corpus"),
]
PAIR_QUERY = """SELECT a.source_uri, b.source_uri, 1 - (ea.embedding <=> eb.embedding)
FROM embeddings ea JOIN images a ON a.id = ea.image_id
JOIN embeddings eb ON eb.model_id = ea.model_id AND eb.image_id > ea.image_id JOIN images b ON b.id = eb.image_id
WHERE ea.model_id = (SELECT id FROM models WHERE name = :'model' ORDER BY registered_at DESC LIMIT 1)"""


def read_manifest(corpus):
    with open(os.path.join(corpus, "manifest.jsonl"), encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def make_variant(image, variant):
    w, h = image.size
    if variant == "half":
        return image.resize((w // 2, h // 2), Image.LANCZOS)
    if variant == "crop90":
        dx, dy = round(w * 0.05), round(h * 0.05)
        return image.crop((dx, dy, w - dx, h - dy))
    if variant == "corner70":
        return image.crop((0, 0, round(w * 0.7), round(h * 0.7)))
    return image  # q60: only the encoding changes


def write_variants(corpus, out):
    os.makedirs(out, exist_ok=True)
    for entry in read_manifest(corpus):
        shutil.copyfile(os.path.join(corpus, entry["file"]), os.path.join(out, entry["file"]))
    for name in PICTURES:
        with Image.open(os.path.join(corpus, name)) as source:
            image = ImageOps.exif_transpose(source)  # the product applies EXIF orientation too
            image = image if image.mode in ("RGB", "L") else image.convert("RGB")
        stem = os.path.splitext(name)[0]
        for variant, extension in VARIANTS.items():
            path = os.path.join(out, stem + SEPARATOR + variant + extension)
            options = {"quality": 60} if extension == ".jpg" else {}
            make_variant(image, variant).save(path, **options)
    print(f"{len(read_manifest(corpus))} pictures and {len(PICTURES) * len(VARIANTS)} variants in {out}")


def describe(uri, stems):
    """(picture, variant) of an image by its file name; variant is None for a corpus picture."""
    stem, _, variant = os.path.splitext(os.path.basename(uri))[0].partition(SEPARATOR)
    return (stem, variant) if variant else (stems[os.path.basename(uri)], None)


def kind(a, b):
    """The kind of pair of two described images, or None for pairs that are not measured."""
    (picture_a, variant_a), (picture_b, variant_b) = a, b
    if picture_a != picture_b:
        return "distinct" if variant_a is None and variant_b is None else None
    variants = {variant_a, variant_b}
    if variants == {None}:
        return "reencode"
    for strongest in ("corner70", "crop90"):
        if strongest in variants:
            return strongest
    return "resize"


def read_pairs(psql, model, stems):
    command = ["psql", psql, "-X", "-t", "--csv", "-v", "ON_ERROR_STOP=1", "-v", f"model={model}"]
    text = subprocess.run(command, input=PAIR_QUERY, capture_output=True, text=True, check=True).stdout
    pairs = {}
    for uri_a, uri_b, cosine in csv.reader(io.StringIO(text)):
        a, b = describe(uri_a, stems), describe(uri_b, stems)
        pairs[frozenset((uri_a, uri_b))] = (kind(a, b), float(cosine))
    if not pairs:
        raise SystemExit(f"no embeddings of model '{model}' in the database")
    return pairs


def by_kind(pairs):
    cosines = collections.defaultdict(list)
    for pair_kind, cosine in pairs.values():
        if pair_kind:
            cosines[pair_kind].append(cosine)
    return {k: np.array(v) for k, v in cosines.items()}


def print_figures(models, cosines):
    print("| pairs (cosine min / median / max) | " + " | ".join(models) + " |")
    print("| --- |" + " --- |" * len(models))
    for key, label in KINDS:
        cells = [f"{c[key].min():.4f} / {np.median(c[key]):.4f} / {c[key].max():.4f}" for c in cosines]
        print(f"| {label} ({len(cosines[0][key])}) | " + " | ".join(cells) + " |")


def print_thresholds(model, pairs, thresholds, groups):
    same = [(k, c) for k, c in pairs.values() if k and k != "distinct"]
    distinct = [c for k, c in pairs.values() if k == "distinct"]
    extra = " | same picture grouped | distinct grouped | groups (= exact)" if groups else ""
    print(f"\n{model}:\n\n| threshold | same picture kept (re-encode/resize + 90 % crop + corner)"
          f" | distinct merged{extra} |")
    print("| --- | --- | ---" + " | --- | --- | ---" * bool(groups) + " |")
    for text in thresholds:
        t = float(text)
        kept = [sum(c >= t for k, c in same if k in kinds) for kinds in SAME_COLUMNS]
        merged = sum(c >= t for c in distinct)
        row = f"| {text} | {sum(kept)} / {len(same)} ({' + '.join(map(str, kept))})" \
              f" | {merged} / {len(distinct)} ({100 * merged / len(distinct):.1f} %)"
        if groups:
            row += group_cells(pairs, groups[t], t) if t in groups else " | not run | not run | not run"
        print(row + " |")


def group_cells(pairs, found, t):
    """Same-picture and distinct pairs whose images share a stored group, and whether the groups are exact."""
    group_of = {uri: i for i, group in enumerate(found) for uri in group}
    counts = collections.Counter()
    for uris, (pair_kind, _) in pairs.items():
        if pair_kind:
            together = len({group_of.get(uri, uri) for uri in uris}) == 1
            counts[pair_kind == "distinct", together] += 1
    agree = "yes" if found == exact_groups(pairs, t) else "NO"
    same, distinct = (counts[d, True] for d in (False, True))
    return f" | {same} / {same + counts[False, False]} | {distinct} / {distinct + counts[True, False]}" \
           f" | {len(found)} ({agree})"


def exact_groups(pairs, t):
    """The groups that linking every pair at or above t gives (union-find over all pairs, no index)."""
    parent = {uri: uri for uris in pairs for uri in uris}

    def root(uri):
        while parent[uri] != uri:
            uri = parent[uri]
        return uri

    for uris, (_, cosine) in pairs.items():
        if cosine >= t:
            a, b = (root(u) for u in uris)
            parent[a] = b
    members = collections.defaultdict(set)
    for uri in parent:
        members[root(uri)].add(uri)
    return {frozenset(m) for m in members.values() if len(m) > 1}


def read_groups(paths, model):
    """threshold -> set of groups (URI sets) from `clip duplicates --format json` outputs of the model."""
    groups = {}
    for path in paths:
        with open(path, encoding="utf-8") as f:
            run = json.load(f)
        if run["model"] == model:
            groups[run["threshold"]] = {frozenset(i["uri"] for i in g["images"]) for g in run["groups"]}
    return groups


def score(args):
    manifest = read_manifest(args.corpus)
    stems = {e["file"]: os.path.splitext(e.get("same_scene_as") or e["file"])[0] for e in manifest}
    per_model = [read_pairs(args.psql, model, stems) for model in args.model]
    print_figures(args.model, [by_kind(p) for p in per_model])
    for model, pairs in zip(args.model, per_model):
        print_thresholds(model, pairs, args.threshold, read_groups(args.groups, model))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    variants = commands.add_parser("variants", help="copy the corpus and write the variants into a folder")
    variants.add_argument("--corpus", required=True, help="folder with manifest.jsonl")
    variants.add_argument("--out", required=True, help="work folder (outside the repository)")
    scoring = commands.add_parser("score", help="print the tables from the stored embeddings")
    scoring.add_argument("--corpus", required=True, help="folder with manifest.jsonl")
    scoring.add_argument("--psql", required=True, help="libpq connection string or URI for psql")
    scoring.add_argument("--model", action="append", required=True, help="registered model name; repeatable")
    scoring.add_argument("--threshold", nargs="+", default=["0.90", "0.93", "0.95", "0.97", "0.99", "0.999"])
    scoring.add_argument("--groups", nargs="*", default=[], help="`clip duplicates --format json` outputs")
    args = parser.parse_args()
    if args.command == "variants":
        write_variants(args.corpus, args.out)
    else:
        score(args)


if __name__ == "__main__":
    main()
