"""Tests of the data set builders on a few images written on the fly (no corpus needed)."""
import json
import sys
import tempfile
import unittest
from pathlib import Path
from types import SimpleNamespace

from PIL import Image

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import build_memes  # noqa: E402
import build_multilabel  # noqa: E402
import build_retrieval  # noqa: E402
from corpus_samples import unique_folder_names  # noqa: E402


def write_png(path: Path, colour, size=(64, 64)) -> str:
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGBA", size, colour).save(path)
    return str(path)


def sample(image: str, label: str, captions=None, base=True):
    return SimpleNamespace(image=image, label=label, captions=captions or [f"an emoji of {label}"], base=base,
                           category="objects", subcategory="tool")


class FolderNameTests(unittest.TestCase):
    def test_unique_folder_names_portable_and_distinct(self):
        self.assertEqual(unique_folder_names(["Flag: Japan", "flag japan", "a/b"]),
                         ["flag_japan", "flag_japan_2", "a_b"])


class MemeTests(unittest.TestCase):
    def test_build_every_photo_gets_a_benign_and_a_hateful_style_meme_in_one_split(self):
        with tempfile.TemporaryDirectory() as folder:
            root = Path(folder)
            photos = [(write_png(root / f"p{i}.png", (i * 40, 90, 200, 255), (120, 80)), f"thing {i}")
                      for i in range(5)]

            counts = build_memes.build(photos, root / "out", dev_share=0.4, seed=1)

            self.assertEqual(counts, {"train": 6, "dev": 4})
            memes = {split: [json.loads(line) for line in (root / "out/memes" / f"{split}.jsonl").open()]
                     for split in ("train", "dev")}
            names = [name for _, name in photos]
            objects = {}
            for split, entries in memes.items():
                for meme in entries:
                    self.assertEqual(set(meme), {"id", "img", "label", "text"})
                    self.assertTrue((root / "out/memes" / meme["img"]).is_file())
                    phrases = build_memes.HATEFUL_STYLE if meme["label"] else build_memes.BENIGN
                    shown = [n for n in names if meme["text"] in {p.format(n) for p in phrases}]
                    self.assertEqual(len(shown), 1, meme["text"])
                    objects.setdefault(split, set()).add(shown[0])
            self.assertFalse(objects["train"] & objects["dev"])
            with Image.open(root / "out/memes" / memes["dev"][0]["img"]) as image:
                self.assertEqual(image.size, (build_memes.SIZE, build_memes.SIZE))


class RetrievalTests(unittest.TestCase):
    def test_build_writes_karpathy_layout_with_five_captions_and_requested_splits(self):
        with tempfile.TemporaryDirectory() as folder:
            root = Path(folder)
            samples = [sample(write_png(root / f"e{i}.png", (i, i, i, 255)), f"thing {i}",
                              [f"caption {i}.{c}" for c in range(7)]) for i in range(6)]
            samples.append(sample(write_png(root / "variant.png", (0, 0, 0, 255)), "variant", base=False))

            counts = build_retrieval.build(samples, root / "out", test=3, val=1, seed=0)

            self.assertEqual(counts, {"test": 3, "val": 1, "train": 2})
            document = json.loads((root / "out/retrieval/dataset_twemoji.json").read_text())
            for image in document["images"]:
                self.assertEqual(image["filepath"], "images")
                self.assertTrue((root / "out/retrieval/images" / image["filename"]).is_file())
                number = image["filename"][1:-len(".png")]
                self.assertEqual([s["raw"] for s in image["sentences"]],
                                 [f"caption {number}.{c}" for c in range(2, 7)])


class MultiLabelTests(unittest.TestCase):
    def test_build_labels_match_between_json_and_csv_and_use_voc_classes(self):
        with tempfile.TemporaryDirectory() as folder:
            root = Path(folder)
            samples = [sample(write_png(root / f"{i}.png", (10 * i, 0, 0, 255)), emoji)
                       for i, emoji in enumerate(build_multilabel.CLASSES.values())]

            self.assertEqual(build_multilabel.build(samples, root / "out", count=12, seed=3), 12)

            document = json.loads((root / "out/voc-emoji/labels.json").read_text())
            self.assertEqual(document["classes"], list(build_multilabel.CLASSES))
            csv_lines = (root / "out/voc-emoji/labels.csv").read_text().splitlines()
            self.assertEqual(csv_lines[0], "image,labels")
            for entry, line in zip(document["images"], csv_lines[1:]):
                self.assertTrue(1 <= len(entry["labels"]) <= 3)
                self.assertTrue(set(entry["labels"]) <= set(document["classes"]))
                self.assertEqual(line, f"{entry['image']},{'|'.join(entry['labels'])}")
                self.assertTrue((root / "out/voc-emoji" / entry["image"]).is_file())


if __name__ == "__main__":
    unittest.main()
