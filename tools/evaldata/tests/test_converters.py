"""Tests of the converters for public data sets, on miniature copies of their layouts."""
import sys
import tempfile
import unittest
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import imagenet_class_names  # noqa: E402
import voc2007_to_multilabel as voc  # noqa: E402


class VocTests(unittest.TestCase):
    def setUp(self):
        self.folder = tempfile.TemporaryDirectory()
        main = Path(self.folder.name) / "ImageSets" / "Main"
        main.mkdir(parents=True)
        flags = {"dog": {"000001": "1", "000002": "0"}, "person": {"000001": "-1", "000002": "1"}}
        for name in voc.VOC_CLASSES:
            rows = flags.get(name, {"000001": "-1", "000002": "-1"})
            (main / f"{name}_test.txt").write_text("".join(f"{i} {f}\n" for i, f in rows.items()))

    def tearDown(self):
        self.folder.cleanup()

    def test_convert_difficult_present_counts_zero_flags_as_carried(self):
        document = voc.convert(Path(self.folder.name), "test", difficult_present=True)

        self.assertEqual(document["classes"], list(voc.VOC_CLASSES))
        self.assertEqual(document["images"], [
            {"image": "JPEGImages/000001.jpg", "labels": ["dog"]},
            {"image": "JPEGImages/000002.jpg", "labels": ["dog", "person"]},
        ])

    def test_convert_difficult_absent_drops_zero_flags(self):
        document = voc.convert(Path(self.folder.name), "test", difficult_present=False)

        self.assertEqual(document["images"][1]["labels"], ["person"])


class ImageNetNamesTests(unittest.TestCase):
    def test_class_names_takes_the_first_synonym(self):
        names = imagenet_class_names.class_names(["n01440764 tench, Tinca tinca", "", "n01443537 goldfish"])

        self.assertEqual(names, {"n01440764": "tench", "n01443537": "goldfish"})

    def test_class_names_shared_first_names_take_a_free_synonym_or_a_number(self):
        names = imagenet_class_names.class_names([
            "n02012849 crane", "n03126707 crane", "n03710637 maillot", "n03710721 maillot, tank suit"])

        self.assertEqual(names, {"n02012849": "crane", "n03126707": "crane 2", "n03710637": "maillot",
                                 "n03710721": "tank suit"})


if __name__ == "__main__":
    unittest.main()
