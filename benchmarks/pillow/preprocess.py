#!/usr/bin/python3
"""CLIP image preprocessing with Pillow and numpy, the way the reference does it, timed on one core.

Used by `clip bench` as the peer for the decode-and-preprocess stage: it decodes each file, resizes the short
side to 224 with Pillow's bicubic filter, crops the centre, converts to RGB and normalises with CLIP's mean and
standard deviation into a float32 (3, 224, 224) array.

Prints one JSON object: {"images": N, "seconds": S, "images_per_second": R}.
"""
import json
import os
import sys
import time

import numpy as np
from PIL import Image

SIZE = 224
# CLIP's published normalisation constants.
MEAN = np.array([0.48145466, 0.4578275, 0.40821073], dtype=np.float32).reshape(3, 1, 1)
STD = np.array([0.26862954, 0.26130258, 0.27577711], dtype=np.float32).reshape(3, 1, 1)


def preprocess(path, draft):
    with Image.open(path) as image:
        if draft and image.format == "JPEG":
            # Pillow's reduced-size JPEG decoding: DCT scaling to the smallest size not under the target.
            scale = SIZE / min(image.size)
            image.draft("RGB", (max(SIZE, int(image.size[0] * scale)), max(SIZE, int(image.size[1] * scale))))
        w, h = image.size
        if w <= h:
            new_w, new_h = SIZE, SIZE * h // w
        else:
            new_w, new_h = SIZE * w // h, SIZE
        if (new_w, new_h) != (w, h):
            image = image.resize((new_w, new_h), Image.BICUBIC)
        left, top = round((new_w - SIZE) / 2), round((new_h - SIZE) / 2)
        image = image.crop((left, top, left + SIZE, top + SIZE)).convert("RGB")
        pixels = np.asarray(image, dtype=np.float32).transpose(2, 0, 1) / np.float32(255)
        return (pixels - MEAN) / STD


def main():
    if len(sys.argv) < 3:
        print("usage: preprocess.py FOLDER SECONDS [--draft]", file=sys.stderr)
        return 2
    folder, budget = sys.argv[1], float(sys.argv[2])
    draft = "--draft" in sys.argv[3:]
    files = sorted(os.path.join(folder, f) for f in os.listdir(folder)
                   if os.path.isfile(os.path.join(folder, f)))
    usable = []
    for f in files:  # warm-up, the library's first-use costs, and files Pillow cannot read are left out
        try:
            preprocess(f, draft)
            usable.append(f)
        except Exception as error:  # noqa: BLE001 - any failure means the peer skips the file
            print(f"skipped {os.path.basename(f)}: {error}", file=sys.stderr)
    files = usable
    count, start = 0, time.perf_counter()
    while time.perf_counter() - start < budget:
        for f in files:
            preprocess(f, draft)
            count += 1
    seconds = time.perf_counter() - start
    print(json.dumps({"images": count, "seconds": seconds, "images_per_second": count / seconds}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
