"""The CLIP model: an image encoder and a text encoder joined in one embedding space by a learned logit scale."""
import math

import torch
from torch import nn
from torch.nn import functional as F

from .config import ClipConfig
from .modified_resnet import ModifiedResNet
from .text_transformer import TextTransformer
from .vision_transformer import VisionTransformer

# The paper initialises the temperature to 0.07 and clips the logit scale at 100.
INITIAL_TEMPERATURE = 0.07
MAX_LOGIT_SCALE = 100.0


class Clip(nn.Module):
    """Both towers plus the log-parameterised logit scale."""

    def __init__(self, config: ClipConfig):
        super().__init__()
        if config.vocab_size <= 0:
            raise ValueError("vocab_size must be set before building the model")
        self.config = config
        if config.is_resnet:
            self.visual = ModifiedResNet(
                config.vision_layers, config.vision_width, config.vision_heads, config.image_size, config.embed_dim)
        else:
            self.visual = VisionTransformer(
                config.image_size, config.vision_patch_size, config.vision_width,
                config.vision_layers, config.vision_heads, config.embed_dim)
        self.text = TextTransformer(
            config.vocab_size, config.context_length, config.text_width,
            config.text_layers, config.text_heads, config.embed_dim)
        self.logit_scale = nn.Parameter(torch.tensor(math.log(1 / INITIAL_TEMPERATURE)))

    def encode_image(self, pixel_values: torch.Tensor) -> torch.Tensor:
        """Image embeddings, not normalised."""
        return self.visual(pixel_values)

    def encode_text(self, input_ids: torch.Tensor) -> torch.Tensor:
        """Text embeddings, not normalised."""
        return self.text(input_ids)

    def forward(self, pixel_values: torch.Tensor, input_ids: torch.Tensor) -> torch.Tensor:
        """Scaled cosine similarities, one row per image and one column per text."""
        image = F.normalize(self.encode_image(pixel_values), dim=-1)
        text = F.normalize(self.encode_text(input_ids), dim=-1)
        return self.logit_scale.exp() * image @ text.t()

    def clamp_logit_scale(self) -> None:
        """Keep exp(logit_scale) at or below 100, as the paper does after each optimiser step."""
        with torch.no_grad():
            self.logit_scale.clamp_(max=math.log(MAX_LOGIT_SCALE))


def count_parameters(module: nn.Module) -> int:
    """Number of trainable scalars."""
    return sum(p.numel() for p in module.parameters())
