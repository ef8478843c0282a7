"""Evaluates a trained checkpoint on the held-out art style (Twemoji) and, for comparison, a training style.

Usage: python3 -m cliptools.evaluate [--checkpoint build/clip-mini/checkpoint.pt] [--corpus /tmp/corpus/build]
Prints and writes JSON: zero-shot top-1/top-5 (bare class name, one template, prompt ensemble), zero-shot over
categories, a linear probe on frozen image embeddings, and image-text retrieval recall@1/5/10.
"""
import argparse
import json
from pathlib import Path
from typing import List, Sequence

import numpy as np
import torch
from torch.nn import functional as F

from .bpe import BpeTokenizer
from .config import ClipConfig
from .corpus import EVALUATION_STYLE
from .data import load_style, preprocess, tokenize_all
from .model import Clip
from .probe import linear_probe

ONE_TEMPLATE = "an emoji of {}."
ENSEMBLE_TEMPLATES = ("an emoji of {}.", "a {} emoji.", "an icon of {}.", "a drawing of {}.", "a picture of {}.",
                      "a cartoon of {}.", "{}", "a flat illustration of {}.")


def load_checkpoint(path: Path):
    """Model (eval mode) and tokenizer from a checkpoint written by ``train``."""
    checkpoint = torch.load(path)
    model = Clip(ClipConfig.from_dict(checkpoint["config"]))
    model.load_state_dict(checkpoint["state_dict"])
    return model.eval(), BpeTokenizer([tuple(m) for m in checkpoint["merges"]]), checkpoint


@torch.no_grad()
def image_embeddings(model: Clip, images: np.ndarray, batch: int = 64) -> torch.Tensor:
    """Normalised embeddings of RGBA images, preprocessed as the pipeline does."""
    size = model.config.image_size
    chunks = []
    for start in range(0, len(images), batch):
        pixels = torch.stack([preprocess(image, size) for image in images[start:start + batch]])
        chunks.append(F.normalize(model.encode_image(pixels), dim=-1))
    return torch.cat(chunks)


@torch.no_grad()
def text_embeddings(model: Clip, tokenizer: BpeTokenizer, texts: Sequence[str], batch: int = 256) -> torch.Tensor:
    """Normalised text embeddings."""
    ids = tokenize_all(tokenizer, texts, model.config.context_length)
    # Causal attention: the ids after the last end-of-text cannot change any embedding, so they are cut off.
    ids = ids[:, :int(ids.argmax(dim=1).max()) + 1]
    return torch.cat([F.normalize(model.encode_text(ids[i:i + batch]), dim=-1) for i in range(0, len(ids), batch)])


def class_embeddings(model: Clip, tokenizer: BpeTokenizer, names: List[str], templates: Sequence[str]):
    """Prompt ensemble: mean of the normalised embeddings of every template, normalised again."""
    stacked = torch.stack([text_embeddings(model, tokenizer, [t.format(n) for n in names]) for t in templates])
    return F.normalize(stacked.mean(dim=0), dim=-1)


def topk_accuracy(similarity: torch.Tensor, targets: torch.Tensor, k: int) -> float:
    """Share of rows whose target column is among the k highest."""
    top = similarity.topk(min(k, similarity.shape[1]), dim=1).indices
    return (top == targets.unsqueeze(1)).any(dim=1).float().mean().item()


def zero_shot(images: torch.Tensor, model, tokenizer, names: List[str], targets: torch.Tensor) -> dict:
    """Top-1/top-5 for the bare name, one template and the prompt ensemble."""
    results = {}
    for key, templates in (("bare_name", ("{}",)), ("one_template", (ONE_TEMPLATE,)), ("ensemble", ENSEMBLE_TEMPLATES)):
        similarity = images @ class_embeddings(model, tokenizer, names, templates).t()
        results[key] = {"top1": topk_accuracy(similarity, targets, 1), "top5": topk_accuracy(similarity, targets, 5)}
    return results


def retrieval(images: torch.Tensor, texts: torch.Tensor) -> dict:
    """Recall@1/5/10 both ways for matched image/text rows."""
    similarity = images @ texts.t()
    targets = torch.arange(similarity.shape[0])
    return {
        "image_to_text": {f"R@{k}": topk_accuracy(similarity, targets, k) for k in (1, 5, 10)},
        "text_to_image": {f"R@{k}": topk_accuracy(similarity.t(), targets, k) for k in (1, 5, 10)},
    }


def evaluate_style(model, tokenizer, corpus: Path, style: str, seed: int = 0) -> dict:
    """Every measure on one art style's images."""
    rgba, samples = load_style(corpus, style)
    embeds = image_embeddings(model, rgba)
    base = [i for i, s in enumerate(samples) if s.base]
    names = [samples[i].label for i in base]
    base_embeds = embeds[base]

    categories = sorted({s.category for s in samples})
    category_targets = torch.tensor([categories.index(samples[i].category) for i in base])
    subcategories = sorted({s.subcategory for s in samples})
    sub_targets = torch.tensor([subcategories.index(s.subcategory) for s in samples])
    train, test = _split_by_emoji(samples, seed)
    subset = sorted(torch.randperm(len(names), generator=torch.Generator().manual_seed(seed))[:100].tolist())

    return {
        "images": len(samples),
        "classes": len(names),
        "zero_shot_names": zero_shot(base_embeds, model, tokenizer, names, torch.arange(len(names))),
        "zero_shot_100_names": {"classes": len(subset), **zero_shot(
            base_embeds[subset], model, tokenizer, [names[i] for i in subset], torch.arange(len(subset)))},
        "zero_shot_names_by_category": _by_category(
            base_embeds, model, tokenizer, names, [samples[i].category for i in base]),
        "zero_shot_categories": {"classes": len(categories), **zero_shot(
            base_embeds, model, tokenizer, categories, category_targets)["ensemble"]},
        "linear_probe_subcategory": {"classes": len(subcategories), "train": len(train), "test": len(test),
                                     **linear_probe(embeds[train], sub_targets[train], embeds[test],
                                                    sub_targets[test], len(subcategories))},
        "retrieval": retrieval(base_embeds, text_embeddings(model, tokenizer, [ONE_TEMPLATE.format(n) for n in names])),
    }


def _split_by_emoji(samples: List, seed: int):
    """Half of the emoji for training the probe, half for testing; the skin-tone variants of an emoji stay on
    the side of their base emoji so that the test measures unseen emoji."""
    groups = sorted({s.label.split(", ")[0] for s in samples})
    order = torch.randperm(len(groups), generator=torch.Generator().manual_seed(seed)).tolist()
    train_groups = {groups[i] for i in order[: len(groups) // 2]}
    train = [i for i, s in enumerate(samples) if s.label.split(", ")[0] in train_groups]
    test = [i for i, s in enumerate(samples) if s.label.split(", ")[0] not in train_groups]
    return torch.tensor(train), torch.tensor(test)



def _by_category(images: torch.Tensor, model, tokenizer, names: List[str], categories: List[str]) -> dict:
    """Top-1 of the all-names zero-shot task (one template), per category of the true class."""
    similarity = images @ class_embeddings(model, tokenizer, names, (ONE_TEMPLATE,)).t()
    correct = similarity.argmax(dim=1) == torch.arange(len(names))
    return {c: round(correct[[i for i, x in enumerate(categories) if x == c]].float().mean().item(), 4)
            for c in sorted(set(categories))}

def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--checkpoint", type=Path, default=Path("build/clip-mini/checkpoint.pt"))
    parser.add_argument("--corpus", type=Path, default=Path("/tmp/corpus/build"))
    parser.add_argument("--styles", nargs="+", default=[EVALUATION_STYLE, "noto"])
    parser.add_argument("--random-init", action="store_true", help="evaluate the untrained model (baseline)")
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()
    torch.set_num_threads(2)

    model, tokenizer, checkpoint = load_checkpoint(args.checkpoint)
    if args.random_init:
        torch.manual_seed(0)
        model = Clip(model.config).eval()
    results = {style: evaluate_style(model, tokenizer, args.corpus, style) for style in args.styles}
    text = json.dumps(results, indent=1)
    print(text)
    if args.out:
        args.out.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()

