"""Conversion of released CLIP state dicts (key names and shapes as published) to model folders."""
import gzip
import json
import math
import tempfile
import unittest
from pathlib import Path

import numpy as np
import torch

from cliptools import onnx_runtime
from cliptools.bpe import synthetic_merges
from cliptools.config import ClipConfig
from cliptools.convert import convert, infer_config, read_clip_merges

MERGE_COUNT = 49408 - 514


def _block(prefix: str, width: int) -> dict:
    return {
        f"{prefix}attn.in_proj_weight": (3 * width, width), f"{prefix}attn.in_proj_bias": (3 * width,),
        f"{prefix}attn.out_proj.weight": (width, width), f"{prefix}attn.out_proj.bias": (width,),
        f"{prefix}ln_1.weight": (width,), f"{prefix}ln_1.bias": (width,),
        f"{prefix}mlp.c_fc.weight": (4 * width, width), f"{prefix}mlp.c_fc.bias": (4 * width,),
        f"{prefix}mlp.c_proj.weight": (width, 4 * width), f"{prefix}mlp.c_proj.bias": (width,),
        f"{prefix}ln_2.weight": (width,), f"{prefix}ln_2.bias": (width,),
    }


def _batch_norm(prefix: str, channels: int) -> dict:
    return {f"{prefix}.{name}": (channels,) for name in ("weight", "bias", "running_mean", "running_var")}


def released_text_shapes(embed: int, width: int, layers: int, vocab: int) -> dict:
    """Key names and shapes of the text tower in a released checkpoint."""
    shapes = {"positional_embedding": (77, width), "text_projection": (width, embed), "logit_scale": (),
              "token_embedding.weight": (vocab, width), "ln_final.weight": (width,), "ln_final.bias": (width,)}
    for layer in range(layers):
        shapes.update(_block(f"transformer.resblocks.{layer}.", width))
    return shapes


def released_vit_shapes(embed: int, width: int, layers: int, patch: int, image: int) -> dict:
    """Key names and shapes of a released ViT image tower."""
    grid = image // patch
    shapes = {"visual.class_embedding": (width,), "visual.positional_embedding": (grid * grid + 1, width),
              "visual.proj": (width, embed), "visual.conv1.weight": (width, 3, patch, patch),
              "visual.ln_pre.weight": (width,), "visual.ln_pre.bias": (width,),
              "visual.ln_post.weight": (width,), "visual.ln_post.bias": (width,)}
    for layer in range(layers):
        shapes.update(_block(f"visual.transformer.resblocks.{layer}.", width))
    return shapes


def released_resnet_shapes(embed: int, width: int, layers: tuple, image: int) -> dict:
    """Key names and shapes of a released modified-ResNet image tower."""
    half, shapes = width // 2, {}
    shapes["visual.conv1.weight"] = (half, 3, 3, 3)
    shapes["visual.conv2.weight"] = (half, half, 3, 3)
    shapes["visual.conv3.weight"] = (width, half, 3, 3)
    for name, channels in (("bn1", half), ("bn2", half), ("bn3", width)):
        shapes.update(_batch_norm(f"visual.{name}", channels))
    inplanes = width
    for stage, blocks in enumerate(layers, start=1):
        planes = width * 2 ** (stage - 1)
        for block in range(blocks):
            prefix = f"visual.layer{stage}.{block}"
            shapes[f"{prefix}.conv1.weight"] = (planes, inplanes, 1, 1)
            shapes[f"{prefix}.conv2.weight"] = (planes, planes, 3, 3)
            shapes[f"{prefix}.conv3.weight"] = (planes * 4, planes, 1, 1)
            for name, channels in (("bn1", planes), ("bn2", planes), ("bn3", planes * 4)):
                shapes.update(_batch_norm(f"{prefix}.{name}", channels))
            if block == 0:
                shapes[f"{prefix}.downsample.0.weight"] = (planes * 4, inplanes, 1, 1)
                shapes.update(_batch_norm(f"{prefix}.downsample.1", planes * 4))
            inplanes = planes * 4
    channels, grid = width * 32, image // 32
    shapes["visual.attnpool.positional_embedding"] = (grid * grid + 1, channels)
    for name in ("k_proj", "q_proj", "v_proj"):
        shapes[f"visual.attnpool.{name}.weight"] = (channels, channels)
        shapes[f"visual.attnpool.{name}.bias"] = (channels,)
    shapes["visual.attnpool.c_proj.weight"] = (embed, channels)
    shapes["visual.attnpool.c_proj.bias"] = (embed,)
    return shapes


def random_state(shapes: dict, seed: int, dtype=torch.float32) -> dict:
    generator = torch.Generator().manual_seed(seed)
    state = {}
    for key, shape in shapes.items():
        value = torch.randn(shape, generator=generator) * 0.05
        if key.endswith("running_var") or key.endswith("ln_1.weight") or key.endswith("ln_2.weight"):
            value = value.abs() + 1
        state[key] = value.to(dtype)
    for key in [k for k in shapes if k.endswith("running_var")]:
        state[key.replace("running_var", "num_batches_tracked")] = torch.tensor(0)
    state["logit_scale"] = torch.tensor(math.log(100.0), dtype=dtype)
    state.update(input_resolution=torch.tensor(224), context_length=torch.tensor(77), vocab_size=torch.tensor(49408))
    return state


class ConvertTests(unittest.TestCase):
    def setUp(self):
        self.scratch = tempfile.TemporaryDirectory()
        self.folder = Path(self.scratch.name)
        self.merges = synthetic_merges(MERGE_COUNT)

    def tearDown(self):
        self.scratch.cleanup()

    def test_inferConfig_releasedVitNames_readsShapes(self):
        shapes = {**released_vit_shapes(64, 128, 2, 32, 224), **released_text_shapes(64, 64, 1, 49408)}
        config = infer_config(random_state(shapes, 0))
        self.assertEqual(config, ClipConfig(64, 224, 2, 128, 32, 49408, 64, 1, 1))

    def test_convert_releasedVitHalfPrecision_loadsEveryWeightAndKeepsLogitScale(self):
        shapes = {**released_vit_shapes(32, 64, 1, 32, 64), **released_text_shapes(32, 64, 1, 49408)}
        state = random_state(shapes, 1, torch.float16)
        model = convert(state, self.merges, self.folder / "vit")
        torch.testing.assert_close(model.visual.proj, state["visual.proj"].float())
        torch.testing.assert_close(model.text.token_embedding.weight, state["token_embedding.weight"].float())
        config = json.loads((self.folder / "vit" / "config.json").read_text())
        self.assertAlmostEqual(config["logit_scale"], 100.0, places=1)
        self.assertEqual(config["text_config"]["eos_token_id"], 49407)

    def test_convert_releasedResnet_onnxMatchesPytorch(self):
        shapes = {**released_resnet_shapes(32, 16, (1, 2, 1, 1), 64), **released_text_shapes(32, 64, 1, 49408)}
        model = convert(random_state(shapes, 2), self.merges, self.folder / "rn")
        self.assertEqual(model.config.vision_layers, (1, 2, 1, 1))
        if onnx_runtime.node_modules() is None:
            self.skipTest("onnxruntime-node not installed")
        pixels = torch.randn(2, 3, 64, 64, generator=torch.Generator().manual_seed(0))
        with torch.no_grad():
            expected = model.encode_image(pixels).numpy()
        actual = onnx_runtime.run(self.folder / "rn/onnx/vision_model.onnx", "pixel_values", pixels.numpy())
        self.assertLess(np.abs(actual - expected).max(), 1e-4)

    def test_convert_missingWeight_raises(self):
        shapes = {**released_vit_shapes(32, 64, 1, 32, 64), **released_text_shapes(32, 64, 1, 49408)}
        state = random_state(shapes, 3)
        del state["visual.ln_post.bias"]
        with self.assertRaises(RuntimeError):
            convert(state, self.merges, self.folder / "broken")

    def test_readClipMerges_gzipWithHeader_skipsHeaderAndKeepsVocabularyCount(self):
        path = self.folder / "bpe.txt.gz"
        lines = ["header line"] + [f"{a} {b}" for a, b in self.merges] + ["x y"] * 10
        with gzip.open(path, "wt", encoding="utf-8") as handle:
            handle.write("\n".join(lines))
        merges = read_clip_merges(path)
        self.assertEqual(len(merges), MERGE_COUNT)
        self.assertEqual(merges[0], self.merges[0])


if __name__ == "__main__":
    unittest.main()
