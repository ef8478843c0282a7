"""Export layout and ONNX Runtime parity of exported encoders against PyTorch."""
import json
import tempfile
import unittest
from pathlib import Path

import numpy as np
import onnx
import torch

from cliptools import onnx_runtime
from cliptools.bpe import BpeTokenizer, synthetic_merges
from cliptools.config import ClipConfig
from cliptools.export import export_folder
from cliptools.make_fixture import build_tiny
from cliptools.model import Clip
from cliptools.reference import reference_pixels
from cliptools.tokenizer_files import read_merges

REPO_ROOT = Path(__file__).resolve().parents[3]
FIXTURE = REPO_ROOT / "tests" / "fixtures" / "tiny-clip"
TOLERANCE = 1e-4


def _needs_runtime(test: unittest.TestCase) -> None:
    if onnx_runtime.node_modules() is None:
        test.skipTest("onnxruntime-node not installed (run tools/modeling/run-tests.sh)")


class ExportTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.scratch = tempfile.TemporaryDirectory()
        cls.folder = Path(cls.scratch.name) / "tiny"
        cls.tokenizer, cls.model = build_tiny(seed=3)
        export_folder(cls.model, cls.tokenizer, cls.folder)

    @classmethod
    def tearDownClass(cls):
        cls.scratch.cleanup()

    def test_exportFolder_writesHuggingFaceLayout(self):
        for name in ("config.json", "preprocessor_config.json", "tokenizer.json", "vocab.json", "merges.txt",
                     "onnx/vision_model.onnx", "onnx/text_model.onnx"):
            self.assertTrue((self.folder / name).is_file(), name)

    def test_exportOnnx_namesShapesAndOpset_matchContract(self):
        expected = {"vision_model.onnx": ("pixel_values", onnx.TensorProto.FLOAT, "image_embeds"),
                    "text_model.onnx": ("input_ids", onnx.TensorProto.INT64, "text_embeds")}
        for file, (input_name, input_type, output_name) in expected.items():
            with self.subTest(file=file):
                graph_model = onnx.load(str(self.folder / "onnx" / file))
                onnx.checker.check_model(graph_model)
                graph_input, graph_output = graph_model.graph.input[0], graph_model.graph.output[0]
                self.assertEqual(graph_input.name, input_name)
                self.assertEqual(graph_input.type.tensor_type.elem_type, input_type)
                self.assertEqual(graph_input.type.tensor_type.shape.dim[0].dim_param, "batch")
                self.assertEqual(graph_output.name, output_name)
                self.assertGreaterEqual(graph_model.opset_import[0].version, 14)

    def test_config_logitScale_isExpOfParameter(self):
        config = json.loads((self.folder / "config.json").read_text())
        self.assertAlmostEqual(config["logit_scale"], float(self.model.logit_scale.exp()), places=4)
        self.assertEqual(config["text_config"]["eos_token_id"], self.tokenizer.vocab_size - 1)
        self.assertEqual(config["text_config"]["max_position_embeddings"], 77)

    def test_onnxRuntime_visionAndText_matchPytorch(self):
        _needs_runtime(self)
        for batch in (1, 3):
            with self.subTest(batch=batch):
                pixels = torch.randn(batch, 3, 224, 224, generator=torch.Generator().manual_seed(batch))
                ids = torch.tensor([self.tokenizer.tokenize(f"a photo of {batch} cats")] * batch)
                with torch.no_grad():
                    image, text = self.model.encode_image(pixels).numpy(), self.model.encode_text(ids).numpy()
                onnx_image = onnx_runtime.run(self.folder / "onnx/vision_model.onnx", "pixel_values", pixels.numpy())
                onnx_text = onnx_runtime.run(self.folder / "onnx/text_model.onnx", "input_ids", ids.numpy())
                self.assertLess(np.abs(onnx_image - image).max(), TOLERANCE)
                self.assertLess(np.abs(onnx_text - text).max(), TOLERANCE)

    def test_onnxRuntime_modifiedResnet_matchesPytorch(self):
        _needs_runtime(self)
        torch.manual_seed(1)
        config = ClipConfig(32, 64, (1, 2, 1, 1), 16, None, 600, 32, 2, 1)
        model = Clip(config).eval()
        for module in model.modules():
            if isinstance(module, torch.nn.BatchNorm2d):
                torch.nn.init.uniform_(module.weight, 0.5, 1.5)
                torch.nn.init.uniform_(module.running_mean, -0.1, 0.1)
        tokenizer = BpeTokenizer(synthetic_merges(600 - 514))
        with tempfile.TemporaryDirectory() as scratch:
            export_folder(model, tokenizer, Path(scratch))
            pixels = torch.randn(2, 3, 64, 64)
            with torch.no_grad():
                expected = model.encode_image(pixels).numpy()
            actual = onnx_runtime.run(Path(scratch) / "onnx/vision_model.onnx", "pixel_values", pixels.numpy())
        self.assertLess(np.abs(actual - expected).max(), TOLERANCE)


class FixtureTests(unittest.TestCase):
    def setUp(self):
        if not (FIXTURE / "reference.json").is_file():
            self.skipTest("fixture not present")
        self.reference = json.loads((FIXTURE / "reference.json").read_text())

    def test_fixtureReference_regeneratedFromSeed_matchesPytorch(self):
        tokenizer, model = build_tiny(seed=0)
        model.eval()
        ids = [tokenizer.tokenize(text) for text in self.reference["texts"]]
        self.assertEqual(ids, self.reference["input_ids"])
        with torch.no_grad():
            image = model.encode_image(torch.from_numpy(reference_pixels(2, 224))).numpy()
        self.assertLess(np.abs(image - np.array(self.reference["image_embeds"])).max(), 1e-5)

    def test_fixtureOnnx_onnxRuntime_matchesReference(self):
        _needs_runtime(self)
        pixels = reference_pixels(*self.reference["pixel_values"]["shape"][0:1], 224)
        image = onnx_runtime.run(FIXTURE / "onnx/vision_model.onnx", "pixel_values", pixels)
        ids = np.array(self.reference["input_ids"], dtype=np.int64)
        text = onnx_runtime.run(FIXTURE / "onnx/text_model.onnx", "input_ids", ids)
        self.assertLess(np.abs(image - np.array(self.reference["image_embeds"])).max(), TOLERANCE)
        self.assertLess(np.abs(text - np.array(self.reference["text_embeds"])).max(), TOLERANCE)


if __name__ == "__main__":
    unittest.main()


class ShippedModelTests(unittest.TestCase):
    """The committed clip-mini folder: files agree with each other and the ONNX files with the stored reference."""

    FOLDER = REPO_ROOT / "models" / "clip-mini"

    def setUp(self):
        if not (self.FOLDER / "reference.json").is_file():
            self.skipTest("clip-mini not present")
        self.reference = json.loads((self.FOLDER / "reference.json").read_text())

    def test_tokenizerFiles_reproduceReferenceIds(self):
        tokenizer = BpeTokenizer(read_merges(self.FOLDER / "merges.txt"))
        vocab = json.loads((self.FOLDER / "vocab.json").read_text(encoding="utf-8"))
        self.assertEqual(vocab, tokenizer.vocab)
        self.assertEqual([tokenizer.tokenize(t) for t in self.reference["texts"]], self.reference["input_ids"])
        config = json.loads((self.FOLDER / "config.json").read_text())
        self.assertEqual(config["text_config"]["vocab_size"], tokenizer.vocab_size)

    def test_onnx_onnxRuntime_matchesReference(self):
        _needs_runtime(self)
        pixels = reference_pixels(self.reference["pixel_values"]["shape"][0], 224)
        image = onnx_runtime.run(self.FOLDER / "onnx/vision_model.onnx", "pixel_values", pixels)
        ids = np.array(self.reference["input_ids"], dtype=np.int64)
        text = onnx_runtime.run(self.FOLDER / "onnx/text_model.onnx", "input_ids", ids)
        self.assertLess(np.abs(image - np.array(self.reference["image_embeds"])).max(), TOLERANCE)
        self.assertLess(np.abs(text - np.array(self.reference["text_embeds"])).max(), TOLERANCE)
