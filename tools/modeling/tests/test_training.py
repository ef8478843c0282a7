"""Training smoke test: a few dozen synthetic image/caption pairs, a tiny model, loss must fall."""
import unittest

import numpy as np
import torch

from cliptools.bpe import BpeTokenizer, learn_merges
from cliptools.config import ClipConfig
from cliptools.model import Clip
from cliptools.objective import contrastive_loss
from cliptools.train import Pairs, TrainSettings, learning_rate, train

COLOURS = {"red": (255, 0, 0), "green": (0, 160, 0), "blue": (0, 0, 255), "yellow": (255, 220, 0),
           "black": (0, 0, 0), "purple": (128, 0, 160)}
SHAPES = ("square", "stripe", "dot", "frame")


def _draw(colour, shape: str) -> np.ndarray:
    image = np.zeros((32, 32, 4), dtype=np.uint8)
    mask = np.zeros((32, 32), dtype=bool)
    if shape == "square":
        mask[8:24, 8:24] = True
    elif shape == "stripe":
        mask[12:20, :] = True
    elif shape == "dot":
        yy, xx = np.mgrid[:32, :32]
        mask = (yy - 16) ** 2 + (xx - 16) ** 2 < 36
    else:
        mask[2:30, 2:30] = True
        mask[6:26, 6:26] = False
    image[mask, :3] = colour
    image[mask, 3] = 255
    return image


def synthetic_pairs(tokenizer: BpeTokenizer):
    images, ids, starts, counts = [], [], [], []
    for name, colour in COLOURS.items():
        for shape in SHAPES:
            captions = [f"a {name} {shape}", f"an icon of a {name} {shape}"]
            starts.append(len(ids))
            counts.append(len(captions))
            ids += [tokenizer.tokenize(c, 16) for c in captions]
            images.append(_draw(colour, shape))
    return Pairs(torch.from_numpy(np.stack(images)), torch.tensor(ids), torch.tensor(starts), torch.tensor(counts))


class TrainingTests(unittest.TestCase):
    def test_contrastiveLoss_perfectMatch_isNearZeroAndMismatchIsHigh(self):
        logits = torch.eye(8) * 100
        self.assertLess(contrastive_loss(logits).item(), 1e-3)
        self.assertGreater(contrastive_loss(logits.roll(1, dims=1)).item(), 10)

    def test_contrastiveLoss_uniformLogits_isLogBatchSize(self):
        self.assertAlmostEqual(contrastive_loss(torch.zeros(16, 16)).item(), float(np.log(16)), places=5)

    def test_learningRate_warmupThenCosineToZero(self):
        settings = TrainSettings(steps=100, warmup_steps=10, learning_rate=1.0)
        self.assertAlmostEqual(learning_rate(0, settings), 0.1)
        self.assertAlmostEqual(learning_rate(10, settings), 1.0)
        self.assertLess(learning_rate(99, settings), 0.01)

    def test_train_fewDozenPairs_lossFallsAndLogitScaleStaysClamped(self):
        torch.manual_seed(0)
        captions = [f"a {c} {s}" for c in COLOURS for s in SHAPES] + ["an icon of"] * 3
        tokenizer = BpeTokenizer(learn_merges(captions, 40))
        model = Clip(ClipConfig(32, 64, 1, 64, 16, tokenizer.vocab_size, 32, 2, 1))
        pairs = synthetic_pairs(tokenizer)
        settings = TrainSettings(steps=60, low_resolution_steps=0, batch_size=24, learning_rate=2e-3,
                                 warmup_steps=5, weight_decay=0.0)
        history = train(model, pairs, settings, log=lambda line: None)
        first, last = history[0]["loss"], np.mean([h["loss"] for h in history[-2:]])
        self.assertLess(last, first * 0.7)
        self.assertLessEqual(model.logit_scale.exp().item(), 100.0 + 1e-3)
        self.assertFalse(model.training)


if __name__ == "__main__":
    unittest.main()
