"""Shapes and parameter counts of the architectures against the figures published for the released models."""
import math
import unittest

import torch

from cliptools.config import PAPER_MODELS, PAPER_PARAMETERS_M, TINY
from cliptools.model import MAX_LOGIT_SCALE, Clip, count_parameters
from cliptools.text_transformer import causal_mask


class ArchitectureTests(unittest.TestCase):
    def test_count_parameters_paperShapes_withinOnePercentOfPublished(self):
        for name, config in PAPER_MODELS.items():
            with self.subTest(model=name):
                millions = count_parameters(Clip(config)) / 1e6
                self.assertLess(abs(millions - PAPER_PARAMETERS_M[name]) / PAPER_PARAMETERS_M[name], 0.01)

    def test_forward_resnetAndVit_giveEmbedDimPerImage(self):
        small_resnet = PAPER_MODELS["RN50"].__class__(64, 64, (1, 1, 1, 1), 16, None, 600, 32, 2, 1)
        for config in (small_resnet, TINY.with_vocab_size(600)):
            with self.subTest(resnet=config.is_resnet):
                model = Clip(config).eval()
                pixels = torch.randn(3, 3, config.image_size, config.image_size)
                self.assertEqual(tuple(model.encode_image(pixels).shape), (3, config.embed_dim))

    def test_logitScale_initialValue_isLogOfInverseTemperature(self):
        model = Clip(TINY.with_vocab_size(600))
        self.assertAlmostEqual(model.logit_scale.exp().item(), 1 / 0.07, places=4)

    def test_clampLogitScale_aboveHundred_clampsToHundred(self):
        model = Clip(TINY.with_vocab_size(600))
        with torch.no_grad():
            model.logit_scale.fill_(math.log(500.0))
        model.clamp_logit_scale()
        self.assertAlmostEqual(model.logit_scale.exp().item(), MAX_LOGIT_SCALE, places=3)

    def test_encodeText_tokensAfterEndOfText_doNotChangeEmbedding(self):
        torch.manual_seed(0)
        model = Clip(TINY.with_vocab_size(600)).eval()
        ids = torch.zeros(2, 77, dtype=torch.int64)
        ids[:, :4] = torch.tensor([598, 10, 20, 599])
        ids[1, 4:] = 5
        with torch.no_grad():
            embeds = model.encode_text(ids)
        torch.testing.assert_close(embeds[0], embeds[1])

    def test_encodeText_tokenBeforeEndOfText_changesEmbedding(self):
        torch.manual_seed(0)
        model = Clip(TINY.with_vocab_size(600)).eval()
        ids = torch.zeros(2, 77, dtype=torch.int64)
        ids[:, :4] = torch.tensor([598, 10, 20, 599])
        ids[1, 1] = 11
        with torch.no_grad():
            embeds = model.encode_text(ids)
        self.assertGreater((embeds[0] - embeds[1]).abs().max().item(), 1e-4)

    def test_causalMask_hidesOnlyLaterPositions(self):
        mask = causal_mask(4)
        self.assertTrue(torch.isinf(mask[0, 1]))
        self.assertEqual(mask[1, 0].item(), 0.0)
        self.assertEqual(mask[2, 2].item(), 0.0)


if __name__ == "__main__":
    unittest.main()
