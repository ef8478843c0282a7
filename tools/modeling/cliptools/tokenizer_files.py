"""Writes and reads a learned BPE vocabulary as Hugging Face tokenizer files (the layout CLIP exports use)."""
import json
from pathlib import Path
from typing import List

from .bpe import (CONTEXT_LENGTH, END_OF_TEXT, END_OF_WORD, PRETOKENIZE_PATTERN, START_OF_TEXT, BpeTokenizer,
                  Merge)

MERGES_HEADER = "#version: 0.2"


def _added_token(content: str, token_id: int) -> dict:
    return {"id": token_id, "content": content, "single_word": False, "lstrip": False, "rstrip": False,
            "normalized": True, "special": True}


def tokenizer_json(tokenizer: BpeTokenizer) -> dict:
    """The ``tokenizer.json`` document: lower-casing normalizer, CLIP split pattern, byte-level BPE with ``</w>``,
    start/end tokens around each sequence."""
    start, end = tokenizer.start_id, tokenizer.end_id
    return {
        "version": "1.0",
        "truncation": None,
        "padding": None,
        "added_tokens": [_added_token(START_OF_TEXT, start), _added_token(END_OF_TEXT, end)],
        "normalizer": {"type": "Sequence", "normalizers": [
            {"type": "NFC"},
            {"type": "Replace", "pattern": {"Regex": r"\s+"}, "content": " "},
            {"type": "Lowercase"},
        ]},
        "pre_tokenizer": {"type": "Sequence", "pretokenizers": [
            {"type": "Split", "pattern": {"Regex": PRETOKENIZE_PATTERN}, "behavior": "Removed", "invert": True},
            {"type": "ByteLevel", "add_prefix_space": False, "trim_offsets": True, "use_regex": False},
        ]},
        "post_processor": {"type": "RobertaProcessing", "sep": [END_OF_TEXT, end], "cls": [START_OF_TEXT, start],
                           "trim_offsets": False, "add_prefix_space": False},
        "decoder": {"type": "ByteLevel", "add_prefix_space": True, "trim_offsets": True, "use_regex": True},
        "model": {"type": "BPE", "dropout": None, "unk_token": END_OF_TEXT, "continuing_subword_prefix": "",
                  "end_of_word_suffix": END_OF_WORD, "fuse_unk": False, "byte_fallback": False,
                  "vocab": tokenizer.vocab, "merges": [f"{a} {b}" for a, b in tokenizer.merges]},
    }


def write_tokenizer(tokenizer: BpeTokenizer, folder: Path) -> None:
    """Write vocab.json, merges.txt, tokenizer.json, tokenizer_config.json and special_tokens_map.json."""
    folder.mkdir(parents=True, exist_ok=True)
    _write_json(folder / "vocab.json", tokenizer.vocab)
    lines = [MERGES_HEADER] + [f"{a} {b}" for a, b in tokenizer.merges]
    (folder / "merges.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    _write_json(folder / "tokenizer.json", tokenizer_json(tokenizer))
    specials = {"bos_token": START_OF_TEXT, "eos_token": END_OF_TEXT, "unk_token": END_OF_TEXT,
                "pad_token": "!"}
    _write_json(folder / "special_tokens_map.json", specials)
    _write_json(folder / "tokenizer_config.json", dict(
        specials, tokenizer_class="CLIPTokenizer", model_max_length=CONTEXT_LENGTH, do_lower_case=True))


def read_merges(path: Path) -> List[Merge]:
    """Merges from a merges.txt written by ``write_tokenizer`` (header line skipped)."""
    lines = path.read_text(encoding="utf-8").split("\n")
    if not lines or lines[0] != MERGES_HEADER:
        raise ValueError(f"{path} does not start with {MERGES_HEADER!r}")
    return [tuple(line.split(" ")) for line in lines[1:] if line]


def _write_json(path: Path, value) -> None:
    path.write_text(json.dumps(value, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
