"""The Vision Transformer image encoder described in the CLIP paper (section 2.4)."""
import torch
from torch import nn
from torch.nn import functional as F

from .blocks import Transformer


class VisionTransformer(nn.Module):
    """Patchify with a strided convolution, prepend a class token, add learned positions, then
    layer norm, a pre-norm transformer, layer norm on the class token and a bias-free linear projection.

    The extra layer norm before the transformer is the one change CLIP made to the standard ViT.
    """

    def __init__(self, image_size: int, patch_size: int, width: int, layers: int, heads: int, embed_dim: int):
        super().__init__()
        if image_size % patch_size != 0:
            raise ValueError(f"image size {image_size} is not a multiple of patch size {patch_size}")
        self.image_size = image_size
        self.patch_size = patch_size
        self.width = width
        self.grid = grid = image_size // patch_size

        self.conv1 = nn.Conv2d(3, width, kernel_size=patch_size, stride=patch_size, bias=False)
        self.class_embedding = nn.Parameter(torch.empty(width))
        self.positional_embedding = nn.Parameter(torch.empty(grid * grid + 1, width))
        self.ln_pre = nn.LayerNorm(width)
        self.transformer = Transformer(width, layers, heads)
        self.ln_post = nn.LayerNorm(width)
        self.proj = nn.Parameter(torch.empty(width, embed_dim))
        self.init_weights()

    def init_weights(self) -> None:
        """Normal initialisation scaled by the width, as for the text tower."""
        scale = self.width ** -0.5
        nn.init.normal_(self.conv1.weight, std=(3 * self.patch_size ** 2) ** -0.5)
        nn.init.normal_(self.class_embedding, std=scale)
        nn.init.normal_(self.positional_embedding, std=scale)
        nn.init.normal_(self.proj, std=scale)
        self.transformer.init_weights()

    def forward(self, pixel_values: torch.Tensor) -> torch.Tensor:
        patches = self.conv1(pixel_values)
        tokens = patches.flatten(2).transpose(1, 2)
        cls = self.class_embedding.reshape(1, 1, self.width).expand(tokens.shape[0], 1, self.width)
        positions = self.positional_embedding
        if not torch.jit.is_tracing() and patches.shape[-1] != self.grid:
            positions = self.resized_positions(patches.shape[-1])
        x = torch.cat([cls.to(tokens.dtype), tokens], dim=1) + positions

        x = self.transformer(self.ln_pre(x))
        return self.ln_post(x[:, 0, :]) @ self.proj

    def resized_positions(self, grid: int) -> torch.Tensor:
        """Positional embeddings for another grid size, the patch positions resampled bicubically.

        Lets training run at a lower resolution first and finish at the full one, as the paper did for its
        336-pixel model (the parameter keeps the full-resolution grid throughout)."""
        patch_positions = self.positional_embedding[1:].reshape(1, self.grid, self.grid, self.width)
        resized = F.interpolate(patch_positions.permute(0, 3, 1, 2), size=(grid, grid), mode="bicubic",
                                align_corners=False)
        return torch.cat([self.positional_embedding[:1], resized.permute(0, 2, 3, 1).reshape(grid * grid, -1)])
