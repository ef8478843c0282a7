"""The modified ResNet image encoder described in the CLIP paper (section 2.4).

Changes from the original ResNet: a stem of three 3x3 convolutions followed by average pooling (ResNet-D),
strided convolutions replaced by average pooling before the convolution (anti-aliased downsampling), and
global average pooling replaced by a single layer of multi-head attention whose query is the mean feature.
"""
from collections import OrderedDict
from typing import Sequence

import torch
from torch import nn
from torch.nn import functional as F


def _pool(stride: int) -> nn.Module:
    return nn.AvgPool2d(stride) if stride > 1 else nn.Identity()


class Bottleneck(nn.Module):
    """1x1 reduce, 3x3, optional 2x2 average pool, 1x1 expand (x4), with a residual connection."""

    expansion = 4

    def __init__(self, inplanes: int, planes: int, stride: int = 1):
        super().__init__()
        outplanes = planes * self.expansion
        self.conv1 = nn.Conv2d(inplanes, planes, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(planes)
        self.conv2 = nn.Conv2d(planes, planes, 3, padding=1, bias=False)
        self.bn2 = nn.BatchNorm2d(planes)
        self.avgpool = _pool(stride)
        self.conv3 = nn.Conv2d(planes, outplanes, 1, bias=False)
        self.bn3 = nn.BatchNorm2d(outplanes)
        self.downsample = None
        if stride > 1 or inplanes != outplanes:
            # Named "-1", "0", "1" so that the parameters sit at downsample.0 / downsample.1 as in released weights.
            self.downsample = nn.Sequential(OrderedDict([
                ("-1", _pool(stride)),
                ("0", nn.Conv2d(inplanes, outplanes, 1, bias=False)),
                ("1", nn.BatchNorm2d(outplanes)),
            ]))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        out = F.relu(self.bn1(self.conv1(x)))
        out = F.relu(self.bn2(self.conv2(out)))
        out = self.bn3(self.conv3(self.avgpool(out)))
        identity = x if self.downsample is None else self.downsample(x)
        return F.relu(out + identity)


class AttentionPool(nn.Module):
    """One multi-head attention step over the feature map plus its mean, queried by the mean only."""

    def __init__(self, spatial: int, channels: int, heads: int, output_dim: int):
        super().__init__()
        if channels % heads != 0:
            raise ValueError(f"channels {channels} not divisible by heads {heads}")
        self.heads = heads
        self.head_dim = channels // heads
        self.channels = channels
        self.positional_embedding = nn.Parameter(torch.randn(spatial * spatial + 1, channels) / channels ** 0.5)
        self.k_proj = nn.Linear(channels, channels)
        self.q_proj = nn.Linear(channels, channels)
        self.v_proj = nn.Linear(channels, channels)
        self.c_proj = nn.Linear(channels, output_dim)

    def forward(self, features: torch.Tensor) -> torch.Tensor:
        batch = features.shape[0]
        tokens = features.flatten(2).transpose(1, 2)
        x = torch.cat([tokens.mean(dim=1, keepdim=True), tokens], dim=1) + self.positional_embedding

        query = self.q_proj(x[:, :1]).reshape(batch, 1, self.heads, self.head_dim).transpose(1, 2)
        key = self.k_proj(x).reshape(batch, -1, self.heads, self.head_dim).transpose(1, 2)
        value = self.v_proj(x).reshape(batch, -1, self.heads, self.head_dim).transpose(1, 2)
        weights = torch.matmul(query * self.head_dim ** -0.5, key.transpose(-2, -1)).softmax(dim=-1)
        pooled = torch.matmul(weights, value).transpose(1, 2).reshape(batch, self.channels)
        return self.c_proj(pooled)


class ModifiedResNet(nn.Module):
    """ResNet-D stem, four stages of bottlenecks with anti-aliased downsampling, and attention pooling."""

    def __init__(self, layers: Sequence[int], width: int, heads: int, image_size: int, embed_dim: int):
        super().__init__()
        if image_size % 32 != 0:
            raise ValueError(f"image size {image_size} is not a multiple of the total stride 32")
        self.image_size = image_size
        self.width = width
        half = width // 2
        self.conv1 = nn.Conv2d(3, half, 3, stride=2, padding=1, bias=False)
        self.bn1 = nn.BatchNorm2d(half)
        self.conv2 = nn.Conv2d(half, half, 3, padding=1, bias=False)
        self.bn2 = nn.BatchNorm2d(half)
        self.conv3 = nn.Conv2d(half, width, 3, padding=1, bias=False)
        self.bn3 = nn.BatchNorm2d(width)
        self.avgpool = nn.AvgPool2d(2)

        self._inplanes = width
        self.layer1 = self._stage(width, layers[0], stride=1)
        self.layer2 = self._stage(width * 2, layers[1], stride=2)
        self.layer3 = self._stage(width * 4, layers[2], stride=2)
        self.layer4 = self._stage(width * 8, layers[3], stride=2)
        self.attnpool = AttentionPool(image_size // 32, width * 32, heads, embed_dim)
        self.init_weights()

    def _stage(self, planes: int, blocks: int, stride: int) -> nn.Sequential:
        modules = [Bottleneck(self._inplanes, planes, stride)]
        self._inplanes = planes * Bottleneck.expansion
        modules += [Bottleneck(self._inplanes, planes) for _ in range(1, blocks)]
        return nn.Sequential(*modules)

    def init_weights(self) -> None:
        """Attention projections scaled by the width; last batch norm of each block starts at zero so each
        residual branch starts as the identity."""
        std = self.attnpool.c_proj.in_features ** -0.5
        for proj in (self.attnpool.q_proj, self.attnpool.k_proj, self.attnpool.v_proj, self.attnpool.c_proj):
            nn.init.normal_(proj.weight, std=std)
        for stage in (self.layer1, self.layer2, self.layer3, self.layer4):
            for block in stage:
                nn.init.zeros_(block.bn3.weight)

    def forward(self, pixel_values: torch.Tensor) -> torch.Tensor:
        x = F.relu(self.bn1(self.conv1(pixel_values)))
        x = F.relu(self.bn2(self.conv2(x)))
        x = self.avgpool(F.relu(self.bn3(self.conv3(x))))
        x = self.layer4(self.layer3(self.layer2(self.layer1(x))))
        return self.attnpool(x)
