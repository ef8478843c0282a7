"""The CLIP training objective: symmetric cross-entropy over the batch's image-text similarity matrix."""
import torch
from torch.nn import functional as F


def contrastive_loss(logits_per_image: torch.Tensor) -> torch.Tensor:
    """Mean of the image-to-text and text-to-image cross-entropies, the matching pair of row i being column i."""
    targets = torch.arange(logits_per_image.shape[0])
    return (F.cross_entropy(logits_per_image, targets) + F.cross_entropy(logits_per_image.t(), targets)) / 2
