"""Contrastive pre-training of clip-mini on the rasterised corpus, then export to a model folder.

Usage: python3 -m cliptools.train [--corpus /tmp/corpus/build] [--out build/clip-mini] [--export DIR]
"""
import argparse
import json
import math
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import List

import numpy as np
import torch

from .bpe import BpeTokenizer, learn_merges
from .config import ClipConfig
from .corpus import TRAINING_STYLES, Sample
from .data import augment, load_style, tokenize_all
from .export import export_folder
from .model import Clip, count_parameters
from .objective import contrastive_loss

# ViT with patch 32 at 224 px (the released models' input), widths cut to fit a two-core CPU budget.
CLIP_MINI = ClipConfig(embed_dim=128, image_size=224, vision_layers=4, vision_width=128, vision_patch_size=32,
                       vocab_size=0, text_width=128, text_heads=2, text_layers=3)


@dataclass
class TrainSettings:
    """Optimisation settings; the defaults are those clip-mini was trained with."""

    steps: int = 2000
    low_resolution_steps: int = 1850
    low_resolution: int = 128
    batch_size: int = 64
    learning_rate: float = 1e-3
    weight_decay: float = 0.1
    warmup_steps: int = 50
    seed: int = 0
    threads: int = 2
    max_merges: int = 3000
    train_context: int = 16
    skin_tone_variants: bool = False


@dataclass
class Pairs:
    """Training images (uint8 RGBA) and every caption of every image as ids."""

    images: torch.Tensor
    caption_ids: torch.Tensor
    caption_start: torch.Tensor
    caption_count: torch.Tensor


def load_training_samples(corpus: Path, settings: TrainSettings):
    """Images and samples of every training style (skin-tone variants optional)."""
    images, samples = [], []
    for style in TRAINING_STYLES:
        style_images, style_samples = load_style(corpus, style)
        keep = [i for i, s in enumerate(style_samples) if s.base or settings.skin_tone_variants]
        images.append(style_images[keep])
        samples += [style_samples[i] for i in keep]
    return np.concatenate(images), samples


def make_pairs(images: np.ndarray, samples: List[Sample], tokenizer: BpeTokenizer, context: int) -> Pairs:
    """Tokenise every caption once; each image keeps the index range of its captions."""
    counts = [len(s.captions) for s in samples]
    ids = tokenize_all(tokenizer, [c for s in samples for c in s.captions], context)
    starts = np.concatenate([[0], np.cumsum(counts)[:-1]])
    return Pairs(torch.from_numpy(images), ids, torch.tensor(starts), torch.tensor(counts))


def learning_rate(step: int, settings: TrainSettings) -> float:
    """Linear warm-up, then cosine decay to zero."""
    if step < settings.warmup_steps:
        return settings.learning_rate * (step + 1) / settings.warmup_steps
    progress = (step - settings.warmup_steps) / max(1, settings.steps - settings.warmup_steps)
    return settings.learning_rate * 0.5 * (1 + math.cos(math.pi * progress))


def make_optimizer(model: Clip, settings: TrainSettings) -> torch.optim.Optimizer:
    """AdamW with weight decay on weight matrices only (not on gains, biases or the logit scale)."""
    decay = [p for p in model.parameters() if p.ndim >= 2]
    other = [p for p in model.parameters() if p.ndim < 2]
    groups = [{"params": decay, "weight_decay": settings.weight_decay}, {"params": other, "weight_decay": 0.0}]
    return torch.optim.AdamW(groups, lr=settings.learning_rate, betas=(0.9, 0.98), eps=1e-6)


def train(model: Clip, pairs: Pairs, settings: TrainSettings, log) -> List[dict]:
    """Run ``settings.steps`` steps of contrastive training; returns the logged history.

    The first ``low_resolution_steps`` run on smaller images (fewer patches, so cheaper); the rest at the model's
    full input size."""
    generator = torch.Generator().manual_seed(settings.seed)
    optimizer = make_optimizer(model, settings)
    count = pairs.images.shape[0]
    order = torch.randperm(count, generator=generator)
    cursor, history, started = 0, [], time.time()
    model.train()
    for step in range(settings.steps):
        if cursor + settings.batch_size > count:
            order, cursor = torch.randperm(count, generator=generator), 0
        batch = order[cursor:cursor + settings.batch_size]
        cursor += settings.batch_size

        choice = (torch.rand(len(batch), generator=generator) * pairs.caption_count[batch]).long()
        ids = pairs.caption_ids[pairs.caption_start[batch] + choice]
        # Causal attention: positions after the last end-of-text cannot change the embedding, so drop them.
        ids = ids[:, :int(ids.argmax(dim=1).max()) + 1]
        size = settings.low_resolution if step < settings.low_resolution_steps else model.config.image_size
        pixels = augment(pairs.images[batch], size, generator)

        for group in optimizer.param_groups:
            group["lr"] = learning_rate(step, settings)
        loss = contrastive_loss(model(pixels, ids))
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        model.clamp_logit_scale()

        if step % 10 == 0 or step == settings.steps - 1:
            entry = {"step": step, "loss": round(loss.item(), 4),
                     "logit_scale": round(model.logit_scale.exp().item(), 3),
                     "elapsed_s": round(time.time() - started, 1)}
            history.append(entry)
            log(json.dumps(entry))
    model.eval()
    return history


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=Path("/tmp/corpus/build"))
    parser.add_argument("--out", type=Path, default=Path("build/clip-mini"))
    parser.add_argument("--export", type=Path, default=None)
    parser.add_argument("--steps", type=int, default=TrainSettings.steps)
    args = parser.parse_args()

    settings = TrainSettings(steps=args.steps)
    torch.manual_seed(settings.seed)
    torch.set_num_threads(settings.threads)
    args.out.mkdir(parents=True, exist_ok=True)

    images, samples = load_training_samples(args.corpus, settings)
    tokenizer = BpeTokenizer(learn_merges([c for s in samples for c in s.captions], settings.max_merges))
    config = CLIP_MINI.with_vocab_size(tokenizer.vocab_size)
    model = Clip(config)
    pairs = make_pairs(images, samples, tokenizer, settings.train_context)
    print(f"{len(samples)} images, {pairs.caption_ids.shape[0]} captions, {tokenizer.vocab_size} ids, "
          f"{count_parameters(model)} parameters", flush=True)

    started, cpu_started = time.time(), time.process_time()
    history = train(model, pairs, settings, lambda line: print(line, flush=True))
    seconds, cpu_seconds = time.time() - started, time.process_time() - cpu_started
    print(f"trained {settings.steps} steps in {seconds:.0f} s (CPU time {cpu_seconds:.0f} s)", flush=True)

    torch.save({"config": config.to_dict(), "state_dict": model.state_dict(), "merges": tokenizer.merges,
                "settings": asdict(settings), "history": history, "train_seconds": seconds,
                "train_cpu_seconds": cpu_seconds,
                "images": len(samples), "captions": int(pairs.caption_ids.shape[0])}, args.out / "checkpoint.pt")
    if args.export:
        export_folder(model, tokenizer, args.export)
        print(f"exported to {args.export}")


if __name__ == "__main__":
    main()
