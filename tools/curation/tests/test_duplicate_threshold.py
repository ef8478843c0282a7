"""Tests of the pair kinds, the variants and the exact grouping of duplicate_threshold.py."""
import sys
import unittest
from pathlib import Path

from PIL import Image

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import duplicate_threshold as dt  # noqa: E402

STEMS = {"cat.png": "cat", "cat.gif": "cat", "dog.jpg": "dog"}


def kind_of(uri_a, uri_b):
    return dt.kind(dt.describe(uri_a, STEMS), dt.describe(uri_b, STEMS))


class KindTests(unittest.TestCase):
    def test_kind_SameSceneFiles_IsReencode(self):
        self.assertEqual(kind_of("/w/cat.png", "/w/cat.gif"), "reencode")

    def test_kind_OriginalWithHalfOrQ60_IsResize(self):
        self.assertEqual(kind_of("/w/cat.png", "/w/cat--half.png"), "resize")
        self.assertEqual(kind_of("/w/cat--q60.jpg", "/w/cat--half.png"), "resize")

    def test_kind_PairWithACrop_TakesTheStrongestCrop(self):
        self.assertEqual(kind_of("/w/cat--half.png", "/w/cat--crop90.png"), "crop90")
        self.assertEqual(kind_of("/w/cat--crop90.png", "/w/cat--corner70.png"), "corner70")

    def test_kind_TwoPictures_IsDistinctOnlyWithoutVariants(self):
        self.assertEqual(kind_of("/w/cat.gif", "/w/dog.jpg"), "distinct")
        self.assertIsNone(kind_of("/w/cat--half.png", "/w/dog.jpg"))


class VariantTests(unittest.TestCase):
    def test_make_variant_EachVariant_HasItsSize(self):
        image = Image.new("RGB", (100, 80))
        sizes = {v: dt.make_variant(image, v).size for v in dt.VARIANTS}
        self.assertEqual(sizes, {"half": (50, 40), "crop90": (90, 72), "q60": (100, 80), "corner70": (70, 56)})

    def test_make_variant_Corner_KeepsTheTopLeftPixels(self):
        image = Image.new("L", (10, 10))
        image.putpixel((0, 0), 200)
        image.putpixel((9, 9), 100)
        corner = dt.make_variant(image, "corner70")
        self.assertEqual((corner.getpixel((0, 0)), corner.getextrema()), (200, (0, 200)))


class ExactGroupTests(unittest.TestCase):
    PAIRS = {
        frozenset(("a", "b")): ("distinct", 0.96),
        frozenset(("b", "c")): ("distinct", 0.955),
        frozenset(("a", "c")): ("distinct", 0.5),
        frozenset(("c", "d")): ("distinct", 0.1),
    }

    def test_exact_groups_Chain_LinksTheEndsTransitively(self):
        self.assertEqual(dt.exact_groups(self.PAIRS, 0.95), {frozenset("abc")})

    def test_exact_groups_ThresholdAboveEveryPair_GivesNoGroup(self):
        self.assertEqual(dt.exact_groups(self.PAIRS, 0.97), set())

    def test_group_cells_StoredGroupsDifferFromExact_SaysNo(self):
        cells = dt.group_cells(self.PAIRS, {frozenset("ab")}, 0.95)
        self.assertEqual(cells, " | 0 / 0 | 1 / 4 | 1 (NO)")


if __name__ == "__main__":
    unittest.main()
