"""Exports a random-weight model with the exact shapes of one of the paper's models, for shape checks and speed
measurements. Its tokenizer has the released vocabulary size but synthetic merges (it tokenizes, meaninglessly).

Usage: python3 -m cliptools.export_random {RN50,ViT-B/32,ViT-B/16,ViT-L/14@336px} OUTPUT_FOLDER [--seed 0]
"""
import argparse
from pathlib import Path

import torch

from .bpe import BpeTokenizer, synthetic_merges
from .config import CLIP_VOCAB_SIZE, PAPER_MODELS
from .export import export_folder
from .model import Clip, count_parameters


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("model", choices=sorted(PAPER_MODELS))
    parser.add_argument("output", type=Path)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()

    torch.manual_seed(args.seed)
    model = Clip(PAPER_MODELS[args.model])
    tokenizer = BpeTokenizer(synthetic_merges(CLIP_VOCAB_SIZE - 514))
    export_folder(model, tokenizer, args.output)
    print(f"{args.model}: {count_parameters(model) / 1e6:.1f}M parameters, written to {args.output}")


if __name__ == "__main__":
    main()
