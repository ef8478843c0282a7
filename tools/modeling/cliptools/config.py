"""Hyper-parameters of a CLIP model and the published shapes of the paper's models."""
from dataclasses import asdict, dataclass, replace
from typing import Optional, Tuple, Union


@dataclass(frozen=True)
class ClipConfig:
    """Shapes of both towers. ``vision_layers`` is an int for a ViT and four stage depths for a modified ResNet."""

    embed_dim: int
    image_size: int
    vision_layers: Union[int, Tuple[int, int, int, int]]
    vision_width: int
    vision_patch_size: Optional[int]
    vocab_size: int
    text_width: int
    text_heads: int
    text_layers: int
    context_length: int = 77

    @property
    def is_resnet(self) -> bool:
        """True when the image encoder is the modified ResNet rather than a Vision Transformer."""
        return not isinstance(self.vision_layers, int)

    @property
    def vision_heads(self) -> int:
        """64-dimensional heads, as in the paper: width / 64 for a ViT, (width * 32) / 64 for a ResNet."""
        return self.vision_width * 32 // 64 if self.is_resnet else max(1, self.vision_width // 64)

    def with_vocab_size(self, vocab_size: int) -> "ClipConfig":
        """Copy with another vocabulary size, for models whose tokenizer is learned from a corpus."""
        return replace(self, vocab_size=vocab_size)

    def to_dict(self) -> dict:
        """Plain dictionary for JSON files."""
        values = asdict(self)
        if self.is_resnet:
            values["vision_layers"] = list(self.vision_layers)
        return values

    @staticmethod
    def from_dict(values: dict) -> "ClipConfig":
        """Inverse of ``to_dict``."""
        values = dict(values)
        if isinstance(values["vision_layers"], list):
            values["vision_layers"] = tuple(values["vision_layers"])
        return ClipConfig(**values)


# The CLIP tokenizer's vocabulary: 256 bytes, 256 bytes with end-of-word, 48,894 merges, 2 special tokens.
CLIP_VOCAB_SIZE = 49408

# Shapes from Table 19 and 20 of the CLIP paper (Radford et al. 2021).
PAPER_MODELS = {
    "RN50": ClipConfig(1024, 224, (3, 4, 6, 3), 64, None, CLIP_VOCAB_SIZE, 512, 8, 12),
    "ViT-B/32": ClipConfig(512, 224, 12, 768, 32, CLIP_VOCAB_SIZE, 512, 8, 12),
    "ViT-B/16": ClipConfig(512, 224, 12, 768, 16, CLIP_VOCAB_SIZE, 512, 8, 12),
    "ViT-L/14@336px": ClipConfig(768, 336, 24, 1024, 14, CLIP_VOCAB_SIZE, 768, 12, 12),
}

# Published total parameter counts of the released models, in millions.
PAPER_PARAMETERS_M = {"RN50": 102.0, "ViT-B/32": 151.3, "ViT-B/16": 149.6, "ViT-L/14@336px": 427.9}

# The random-weight test fixture: CLIP-compatible input (224 px, 77 tokens) with tiny widths.
TINY = ClipConfig(32, 224, 1, 32, 32, 0, 32, 2, 1)
