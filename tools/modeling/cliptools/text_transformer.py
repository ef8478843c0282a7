"""The text encoder described in the CLIP paper (section 2.4): a causal, GPT-style transformer."""
import torch
from torch import nn

from .blocks import Transformer


def causal_mask(length: int) -> torch.Tensor:
    """Additive mask that hides every later position from each position (minus infinity above the diagonal)."""
    return torch.full((length, length), float("-inf")).triu(1)


class TextTransformer(nn.Module):
    """Token and positional embeddings, causally masked pre-norm transformer, final layer norm, and a bias-free
    projection of the features at the end-of-text token.

    The end-of-text token has the largest id in the vocabulary, so its position is the argmax of the ids.
    """

    def __init__(self, vocab_size: int, context_length: int, width: int, layers: int, heads: int, embed_dim: int):
        super().__init__()
        self.vocab_size = vocab_size
        self.context_length = context_length
        self.width = width
        self.token_embedding = nn.Embedding(vocab_size, width)
        self.positional_embedding = nn.Parameter(torch.empty(context_length, width))
        self.transformer = Transformer(width, layers, heads)
        self.ln_final = nn.LayerNorm(width)
        self.text_projection = nn.Parameter(torch.empty(width, embed_dim))
        self.register_buffer("attn_mask", causal_mask(context_length), persistent=False)
        self.init_weights()

    def init_weights(self) -> None:
        """Small normal initialisation of the embeddings; projection scaled by the width."""
        nn.init.normal_(self.token_embedding.weight, std=0.02)
        nn.init.normal_(self.positional_embedding, std=0.01)
        nn.init.normal_(self.text_projection, std=self.width ** -0.5)
        self.transformer.init_weights()

    def forward(self, input_ids: torch.Tensor) -> torch.Tensor:
        length = input_ids.shape[1]
        x = self.token_embedding(input_ids) + self.positional_embedding[:length]
        x = self.transformer(x, self.attn_mask[:length, :length])
        x = self.ln_final(x)

        # Float argmax: ids stay exact below 2**24 and every ONNX runtime implements ArgMax for float.
        eot = input_ids.to(torch.float32).argmax(dim=-1)
        index = eot.reshape(-1, 1, 1).expand(x.shape[0], 1, self.width)
        return x.gather(1, index).squeeze(1) @ self.text_projection
