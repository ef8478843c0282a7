"""Converts PASCAL VOC2007's classification labels to the JSON layout of ``clip eval --multilabel``.

VOC lists, per class and split, every image with 1 (present), -1 (absent) or 0 ("difficult": present but hard
to see) in ``ImageSets/Main/<class>_<split>.txt``. VOC's own evaluation ignores difficult images for that class;
``clip eval`` has no "ignore", so ``--difficult`` chooses whether they count as carrying the class (present,
the default) or not (absent).

Usage: /usr/bin/python3 tools/evaldata/voc2007_to_multilabel.py VOCdevkit/VOC2007 --split test > voc2007-test.json
Image paths are written relative to the VOC2007 folder (``JPEGImages/000001.jpg``): pass
``--images VOCdevkit/VOC2007`` to ``clip eval``, or write the JSON into that folder.
"""
import argparse
import json
import sys
from pathlib import Path

VOC_CLASSES = ("aeroplane", "bicycle", "bird", "boat", "bottle", "bus", "car", "cat", "chair", "cow",
               "diningtable", "dog", "horse", "motorbike", "person", "pottedplant", "sheep", "sofa", "train",
               "tvmonitor")


def convert(voc: Path, split: str, difficult_present: bool) -> dict:
    labels = {}
    for name in VOC_CLASSES:
        for line in (voc / "ImageSets" / "Main" / f"{name}_{split}.txt").read_text().splitlines():
            if not line.strip():
                continue
            image, flag = line.split()
            carried = flag == "1" or (flag == "0" and difficult_present)
            labels.setdefault(image, [])
            if carried:
                labels[image].append(name)
    images = [{"image": f"JPEGImages/{image}.jpg", "labels": found} for image, found in sorted(labels.items())]
    return {"classes": list(VOC_CLASSES), "images": images}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("voc", type=Path, help="the VOC2007 folder (holding ImageSets and JPEGImages)")
    parser.add_argument("--split", default="test")
    parser.add_argument("--difficult", choices=("present", "absent"), default="present")
    args = parser.parse_args()
    json.dump(convert(args.voc, args.split, args.difficult == "present"), sys.stdout, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
