"""Exports a CLIP model to a folder in the Hugging Face layout: configs, tokenizer files and two ONNX encoders.

``onnx/vision_model.onnx``: ``pixel_values`` float32 [batch, 3, H, W] -> ``image_embeds`` float32 [batch, D].
``onnx/text_model.onnx``: ``input_ids`` int64 [batch, 77] -> ``text_embeds`` float32 [batch, D].
Embeddings are the projected, not normalised, features. The batch axis is dynamic.
"""
import json
import math
from pathlib import Path
from typing import Optional, Sequence

import torch
from torch import nn

from .bpe import BpeTokenizer
from .model import Clip
from .tokenizer_files import write_tokenizer

OPSET = 14

# Per-channel mean and standard deviation of the CLIP pre-training images (published with the released models).
CLIP_IMAGE_MEAN = (0.48145466, 0.4578275, 0.40821073)
CLIP_IMAGE_STD = (0.26862954, 0.26130258, 0.27577711)
BICUBIC = 3


class _ImageEncoder(nn.Module):
    def __init__(self, model: Clip):
        super().__init__()
        self.model = model

    def forward(self, pixel_values: torch.Tensor) -> torch.Tensor:
        return self.model.encode_image(pixel_values)


class _TextEncoder(nn.Module):
    def __init__(self, model: Clip):
        super().__init__()
        self.model = model

    def forward(self, input_ids: torch.Tensor) -> torch.Tensor:
        return self.model.encode_text(input_ids)


def export_onnx(model: Clip, onnx_folder: Path, opset: int = OPSET) -> None:
    """Write both encoders. Export runs with gradients enabled: tracing attention without a mask under
    ``torch.no_grad()`` fails in torch 1.13. The wrappers are put in eval mode first because the exporter restores
    the wrapper's own mode afterwards, which would otherwise switch the model back to training."""
    onnx_folder.mkdir(parents=True, exist_ok=True)
    config = model.config
    model.eval()
    pixels = torch.zeros(2, 3, config.image_size, config.image_size)
    ids = torch.zeros(2, config.context_length, dtype=torch.int64)
    ids[:, 0], ids[:, 1] = config.vocab_size - 2, config.vocab_size - 1
    with torch.enable_grad():
        torch.onnx.export(
            _ImageEncoder(model).eval(), (pixels,), str(onnx_folder / "vision_model.onnx"),
            input_names=["pixel_values"], output_names=["image_embeds"],
            dynamic_axes={"pixel_values": {0: "batch"}, "image_embeds": {0: "batch"}},
            opset_version=opset, do_constant_folding=True)
        torch.onnx.export(
            _TextEncoder(model).eval(), (ids,), str(onnx_folder / "text_model.onnx"),
            input_names=["input_ids"], output_names=["text_embeds"],
            dynamic_axes={"input_ids": {0: "batch"}, "text_embeds": {0: "batch"}},
            opset_version=opset, do_constant_folding=True)


def hf_config(model: Clip, start_id: int, end_id: int) -> dict:
    """``config.json`` with the usual Hugging Face CLIP keys plus ``logit_scale`` (the trained exp value)."""
    config = model.config
    logit_scale = math.exp(model.logit_scale.item())
    text = {
        "model_type": "clip_text_model", "hidden_size": config.text_width,
        "intermediate_size": 4 * config.text_width, "num_hidden_layers": config.text_layers,
        "num_attention_heads": config.text_heads, "max_position_embeddings": config.context_length,
        "vocab_size": config.vocab_size, "bos_token_id": start_id, "eos_token_id": end_id, "pad_token_id": 0,
        "hidden_act": "quick_gelu", "layer_norm_eps": 1e-5, "projection_dim": config.embed_dim,
    }
    vision = {
        "model_type": "clip_vision_model", "image_size": config.image_size, "num_channels": 3,
        "hidden_act": "quick_gelu", "layer_norm_eps": 1e-5, "projection_dim": config.embed_dim,
    }
    if config.is_resnet:
        vision.update({"architecture": "modified_resnet", "layers": list(config.vision_layers),
                       "width": config.vision_width, "hidden_size": config.vision_width * 32,
                       "num_attention_heads": config.vision_heads})
    else:
        vision.update({"architecture": "vision_transformer", "hidden_size": config.vision_width,
                       "intermediate_size": 4 * config.vision_width, "num_hidden_layers": config.vision_layers,
                       "num_attention_heads": config.vision_heads, "patch_size": config.vision_patch_size})
    return {
        "architectures": ["CLIPModel"], "model_type": "clip", "projection_dim": config.embed_dim,
        "logit_scale": logit_scale, "logit_scale_init_value": math.log(logit_scale),
        "text_config": text, "vision_config": vision, "clip_tools_config": config.to_dict(),
    }


def preprocessor_config(image_size: int, mean: Sequence[float], std: Sequence[float]) -> dict:
    """``preprocessor_config.json``: bicubic resize of the short side, centre crop, scale to 0..1, normalise."""
    return {
        "image_processor_type": "CLIPImageProcessor", "feature_extractor_type": "CLIPFeatureExtractor",
        "do_resize": True, "size": {"shortest_edge": image_size}, "resample": BICUBIC,
        "do_center_crop": True, "crop_size": {"height": image_size, "width": image_size},
        "do_rescale": True, "rescale_factor": 1 / 255, "do_normalize": True,
        "image_mean": list(mean), "image_std": list(std), "do_convert_rgb": True,
    }


def export_folder(model: Clip, tokenizer: BpeTokenizer, folder: Path, opset: int = OPSET,
                  mean: Optional[Sequence[float]] = None, std: Optional[Sequence[float]] = None) -> None:
    """Write the whole model folder."""
    if tokenizer.vocab_size != model.config.vocab_size:
        raise ValueError(f"tokenizer has {tokenizer.vocab_size} ids, model expects {model.config.vocab_size}")
    folder.mkdir(parents=True, exist_ok=True)
    export_onnx(model, folder / "onnx", opset)
    write_tokenizer(tokenizer, folder)
    _write_json(folder / "config.json", hf_config(model, tokenizer.start_id, tokenizer.end_id))
    _write_json(folder / "preprocessor_config.json", preprocessor_config(
        model.config.image_size, mean or CLIP_IMAGE_MEAN, std or CLIP_IMAGE_STD))


def _write_json(path: Path, value) -> None:
    path.write_text(json.dumps(value, indent=1) + "\n", encoding="utf-8")
