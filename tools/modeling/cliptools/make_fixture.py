"""Builds the tiny random-weight test model: CLIP-compatible inputs (224 px images, 77 tokens), tiny widths.

Usage: python3 -m cliptools.make_fixture OUTPUT_FOLDER [--seed 0]
"""
import argparse
from pathlib import Path

import torch

from .bpe import BpeTokenizer, learn_merges
from .config import TINY
from .export import export_folder
from .model import Clip
from .reference import write_reference

# A few caption-like lines so that the fixture's vocabulary has real merges (and words that split into several).
FIXTURE_CAPTIONS = (
    "a photo of a cat", "a photo of a dog", "a photo of the dog and the cat", "an emoji of a grinning face",
    "an emoji of a smiling face with heart eyes", "a flag of france", "a flag of japan", "a drawing of a red apple",
    "a picture of a green tree", "a photo of a car on the road", "the face of a cat", "a smiling dog",
)
FIXTURE_MERGES = 64


def build_tiny(seed: int) -> tuple:
    """The tiny tokenizer and a randomly initialised tiny model."""
    tokenizer = BpeTokenizer(learn_merges(FIXTURE_CAPTIONS, FIXTURE_MERGES))
    torch.manual_seed(seed)
    model = Clip(TINY.with_vocab_size(tokenizer.vocab_size))
    return tokenizer, model


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output", type=Path)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()

    tokenizer, model = build_tiny(args.seed)
    export_folder(model, tokenizer, args.output)
    write_reference(model, tokenizer, args.output)
    print(f"wrote {args.output} ({tokenizer.vocab_size} ids)")


if __name__ == "__main__":
    main()
