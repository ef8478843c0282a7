#!/usr/bin/python3
"""Exports a random-weight model with the shapes of CLIP ViT-B/32 (Radford et al. 2021, 151 M parameters) to a
model folder, so that `clip bench --model-b32 FOLDER` can time an encoder of the released model's size.

The weights and the vocabulary (49,408 ids made of synthetic merges) mean nothing; the compute per image is that
of the released model. The folder is about 600 MB: keep it outside the repository.

Usage: /usr/bin/python3 benchmarks/models/make_vit_b32.py OUTPUT_FOLDER [--seed 0]
"""
import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools" / "modeling"))

import torch  # noqa: E402

from cliptools.bpe import BpeTokenizer, synthetic_merges  # noqa: E402
from cliptools.config import CLIP_VOCAB_SIZE, PAPER_MODELS  # noqa: E402
from cliptools.export import export_folder  # noqa: E402
from cliptools.model import Clip  # noqa: E402

# Byte symbols, byte symbols with end-of-word, and the two special tokens come before the merges.
NON_MERGE_IDS = 256 + 256 + 2


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output", type=Path)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()

    tokenizer = BpeTokenizer(synthetic_merges(CLIP_VOCAB_SIZE - NON_MERGE_IDS))
    torch.manual_seed(args.seed)
    model = Clip(PAPER_MODELS["ViT-B/32"])
    export_folder(model, tokenizer, args.output)
    print(f"wrote {args.output} ({tokenizer.vocab_size} ids)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
