"""Evaluation measures: top-k accuracy, retrieval recall and the linear probe."""
import unittest

import torch

from cliptools.evaluate import retrieval, topk_accuracy
from cliptools.probe import linear_probe


class EvaluationTests(unittest.TestCase):
    def test_topkAccuracy_targetSecondBest_countsOnlyFromTopTwo(self):
        similarity = torch.tensor([[0.9, 0.5, 0.1], [0.2, 0.8, 0.1]])
        targets = torch.tensor([1, 1])
        self.assertAlmostEqual(topk_accuracy(similarity, targets, 1), 0.5)
        self.assertAlmostEqual(topk_accuracy(similarity, targets, 2), 1.0)

    def test_retrieval_identicalEmbeddings_recallIsOne(self):
        embeds = torch.nn.functional.normalize(torch.randn(20, 8, generator=torch.Generator().manual_seed(0)), dim=1)
        results = retrieval(embeds, embeds)
        self.assertEqual(results["image_to_text"]["R@1"], 1.0)
        self.assertEqual(results["text_to_image"]["R@1"], 1.0)

    def test_linearProbe_separableClusters_highAccuracy(self):
        generator = torch.Generator().manual_seed(0)
        centres = torch.randn(5, 16, generator=generator) * 3
        labels = torch.arange(5).repeat(40)
        features = centres[labels] + torch.randn(200, 16, generator=generator) * 0.5
        result = linear_probe(features[:100], labels[:100], features[100:], labels[100:], 5)
        self.assertGreater(result["top1"], 0.95)

    def test_linearProbe_randomLabels_nearChance(self):
        generator = torch.Generator().manual_seed(1)
        features = torch.randn(400, 16, generator=generator)
        labels = torch.randint(0, 4, (400,), generator=generator)
        result = linear_probe(features[:200], labels[:200], features[200:], labels[200:], 4)
        self.assertLess(result["top1"], 0.45)


if __name__ == "__main__":
    unittest.main()
