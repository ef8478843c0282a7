#!/usr/bin/python3
"""Makes typical camera-sized test photos for `clip bench`: each large enough JPEG of a source folder, turned
upright by its EXIF orientation, centre-cropped to 4:3 and resized to 1600x1200 with Pillow's Lanczos filter, then
saved as a JPEG (quality 90, 4:2:0, Pillow's default subsampling) and as a PNG.

Usage: make_photos.py SOURCE_FOLDER OUTPUT_FOLDER [--min-short-side 800]
Writes OUTPUT_FOLDER/jpeg/*.jpg and OUTPUT_FOLDER/png/*.png and prints how many photos it made.
"""
import argparse
import os
import sys

from PIL import Image, ImageOps

WIDTH, HEIGHT = 1600, 1200


def to_photo(image):
    image = ImageOps.exif_transpose(image).convert("RGB")
    w, h = image.size
    if w * 3 > h * 4:  # wider than 4:3
        crop_w, crop_h = h * 4 // 3, h
    else:
        crop_w, crop_h = w, w * 3 // 4
    left, top = (w - crop_w) // 2, (h - crop_h) // 2
    return image.crop((left, top, left + crop_w, top + crop_h)).resize((WIDTH, HEIGHT), Image.LANCZOS)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source")
    parser.add_argument("output")
    parser.add_argument("--min-short-side", type=int, default=800)
    args = parser.parse_args()

    jpeg_folder, png_folder = os.path.join(args.output, "jpeg"), os.path.join(args.output, "png")
    os.makedirs(jpeg_folder, exist_ok=True)
    os.makedirs(png_folder, exist_ok=True)
    made = 0
    for name in sorted(os.listdir(args.source)):
        path = os.path.join(args.source, name)
        try:
            with Image.open(path) as image:
                if image.format != "JPEG" or min(image.size) < args.min_short_side:
                    continue
                photo = to_photo(image)
        except OSError:
            continue  # not an image
        stem = os.path.splitext(name)[0]
        photo.save(os.path.join(jpeg_folder, stem + ".jpg"), quality=90)
        photo.save(os.path.join(png_folder, stem + ".png"))
        made += 1
    print(made)
    return 0 if made > 0 else 1


if __name__ == "__main__":
    sys.exit(main())
