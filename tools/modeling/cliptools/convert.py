"""Converts a released OpenAI CLIP checkpoint (state dict key names such as ``visual.conv1.weight``,
``token_embedding.weight``, ``ln_final.weight``, ``text_projection``, ``logit_scale``) to a model folder.

Usage: python3 -m cliptools.convert CHECKPOINT BPE_MERGES OUTPUT_FOLDER
CHECKPOINT is a released ``.pt`` file (TorchScript archive or plain state dict); BPE_MERGES is the tokenizer's
``bpe_simple_vocab_16e6.txt.gz`` (or an uncompressed copy). The shapes are read from the state dict.
"""
import argparse
import gzip
import re
from pathlib import Path
from typing import Dict, List

import torch

from .bpe import BpeTokenizer, Merge
from .config import ClipConfig
from .export import export_folder
from .model import Clip

# Entries of released state dicts that hold hyper-parameters rather than weights.
NON_WEIGHT_KEYS = ("input_resolution", "context_length", "vocab_size")
TEXT_PREFIXES = ("token_embedding.", "positional_embedding", "transformer.", "ln_final.", "text_projection")


def _count_blocks(state: Dict[str, torch.Tensor], prefix: str) -> int:
    pattern = re.compile(re.escape(prefix) + r"(\d+)\.")
    return len({int(m.group(1)) for k in state for m in [pattern.match(k)] if m})


def infer_config(state: Dict[str, torch.Tensor]) -> ClipConfig:
    """Shapes of both towers from the sizes of the weights."""
    embed_dim = state["text_projection"].shape[1]
    text_width = state["ln_final.weight"].shape[0]
    text = dict(vocab_size=state["token_embedding.weight"].shape[0], text_width=text_width,
                text_heads=text_width // 64, text_layers=_count_blocks(state, "transformer.resblocks."),
                context_length=state["positional_embedding"].shape[0])
    if "visual.proj" in state:
        width, _, patch, _ = state["visual.conv1.weight"].shape
        grid = round((state["visual.positional_embedding"].shape[0] - 1) ** 0.5)
        return ClipConfig(embed_dim, patch * grid, _count_blocks(state, "visual.transformer.resblocks."), width,
                          patch, **text)
    layers = tuple(_count_blocks(state, f"visual.layer{i}.") for i in range(1, 5))
    grid = round((state["visual.attnpool.positional_embedding"].shape[0] - 1) ** 0.5)
    width = state["visual.layer1.0.conv1.weight"].shape[0]
    return ClipConfig(embed_dim, grid * 32, layers, width, None, **text)


def to_model_state(state: Dict[str, torch.Tensor]) -> Dict[str, torch.Tensor]:
    """Released key names to this tooling's: the text tower's weights move under ``text.``; float32."""
    converted = {}
    for key, value in state.items():
        if key in NON_WEIGHT_KEYS:
            continue
        name = "text." + key if key.startswith(TEXT_PREFIXES) else key
        converted[name] = value.float() if value.is_floating_point() else value
    return converted


def read_clip_merges(path: Path) -> List[Merge]:
    """The merges of CLIP's BPE file: skip the header line, keep the next 48,894 lines (49,408 ids in all)."""
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as handle:
        lines = handle.read().split("\n")
    merge_count = 49408 - 256 - 256 - 2
    return [tuple(line.split()) for line in lines[1:1 + merge_count]]


def load_released(path: Path) -> Dict[str, torch.Tensor]:
    """State dict of a released checkpoint, whether a TorchScript archive or a pickled state dict."""
    try:
        return torch.jit.load(str(path), map_location="cpu").state_dict()
    except RuntimeError:
        return torch.load(str(path), map_location="cpu")


def convert(state: Dict[str, torch.Tensor], merges: List[Merge], output: Path) -> Clip:
    """Build the model from the state dict (every weight must match), export the folder, return the model."""
    config = infer_config(state)
    model = Clip(config)
    model.load_state_dict(to_model_state(state), strict=True)
    tokenizer = BpeTokenizer(merges)
    export_folder(model.eval(), tokenizer, output)
    return model


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("checkpoint", type=Path)
    parser.add_argument("merges", type=Path)
    parser.add_argument("output", type=Path)
    args = parser.parse_args()
    model = convert(load_released(args.checkpoint), read_clip_merges(args.merges), args.output)
    print(f"converted {args.checkpoint} ({model.config}) to {args.output}")


if __name__ == "__main__":
    main()
