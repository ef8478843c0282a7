"""Image/caption pairs from registry packages (fetched by ``fetch-corpus.sh``), with their licences.

| style | package | art licence | use |
| --- | --- | --- | --- |
| noto | npm emoji-datasource-google 16.0.0 (Noto Emoji) | Apache-2.0 | training |
| openmoji | npm openmoji 17.0.0 | CC-BY-SA-4.0 | training |
| tuxpaint | Debian tuxpaint-stamps-default 2022.06.04-1 | GPL-2+ (some stamps public domain) | training |
| twemoji | npm emoji-datasource-twitter 16.0.0 (Twemoji) | CC-BY-4.0 | evaluation only (held out) |

Names and categories come from emoji-datasource (MIT) and the CLDR short names in openmoji's data file,
keywords from emojilib (MIT). Apple's and Facebook's emoji art is not freely licensed and is not used.
"""
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List

SKIN_TONES = {"1F3FB": "light skin tone", "1F3FC": "medium-light skin tone", "1F3FD": "medium skin tone",
              "1F3FE": "medium-dark skin tone", "1F3FF": "dark skin tone"}
TRAINING_STYLES = ("noto", "openmoji", "tuxpaint")
EVALUATION_STYLE = "twemoji"


@dataclass
class Sample:
    """One image with its class name, captions and categories."""

    image: str
    style: str
    label: str
    captions: List[str]
    category: str
    subcategory: str = ""
    base: bool = True
    keywords: List[str] = field(default_factory=list)


def readable_name(annotation: str) -> str:
    """CLDR short name as plain words: ``flag: Japan`` -> ``flag of japan``, ``x: y`` -> ``x, y``."""
    name = annotation.strip().lower()
    if name.startswith("flag: "):
        return "flag of " + name[len("flag: "):]
    return name.replace(": ", ", ")


def _hex_key(hexcode: str) -> str:
    return "-".join(part for part in hexcode.upper().split("-") if part != "FE0F")


def emoji_captions(label: str, keywords: List[str]) -> List[str]:
    """Caption variants for one emoji: several phrasings of its name, and its name with keywords."""
    captions = [f"an emoji of {label}", label, f"a {label} emoji", f"an icon of {label}", f"a drawing of {label}"]
    if keywords:
        captions.append(f"{label}: " + ", ".join(keywords[:4]))
        captions.append(f"an emoji of {label}, " + ", ".join(keywords[:2]))
    return captions


def _openmoji_names(root: Path) -> Dict[str, dict]:
    entries = json.loads((root / "npm/openmoji/package/data/openmoji.json").read_text(encoding="utf-8"))
    return {_hex_key(e["hexcode"]): e for e in entries}


def _emojilib_keywords(root: Path) -> Dict[str, List[str]]:
    table = json.loads((root / "npm/emojilib/package/dist/emoji-en-US.json").read_text(encoding="utf-8"))
    return {_hex_key("-".join(f"{ord(c):X}" for c in emoji)): words[1:] for emoji, words in table.items()}


def emoji_samples(root: Path, vendor: str, style: str) -> List[Sample]:
    """Every emoji (and skin-tone variant) that ``emoji-datasource-<vendor>`` draws itself."""
    entries = json.loads((root / "npm/emoji-datasource/package/emoji.json").read_text(encoding="utf-8"))
    names, keywords = _openmoji_names(root), _emojilib_keywords(root)
    folder = root / f"npm/emoji-datasource-{vendor}/package/img/{vendor}/64"
    samples = []
    for entry in entries:
        if entry["category"] == "Component":
            continue
        variants = [(entry["unified"], entry, True)]
        variants += [(v["unified"], v, False) for v in entry.get("skin_variations", {}).values()]
        for hexcode, variant, base in variants:
            if not variant.get(f"has_img_{vendor}", False) or not (folder / variant["image"]).is_file():
                continue
            known = names.get(_hex_key(hexcode))
            label = readable_name(known["annotation"] if known else entry["name"])
            words = _dedupe(keywords.get(_hex_key(entry["unified"]), []) + _tags(known))
            samples.append(Sample(str(folder / variant["image"]), style, label, emoji_captions(label, words),
                                  entry["category"].lower(), entry["subcategory"], base, words))
    return samples


def openmoji_samples(root: Path) -> List[Sample]:
    """OpenMoji's drawings (SVG) of Unicode emoji and its own extra symbols."""
    entries = json.loads((root / "npm/openmoji/package/data/openmoji.json").read_text(encoding="utf-8"))
    folder = root / "npm/openmoji/package/color/svg"
    samples = []
    for entry in entries:
        path = folder / f"{entry['hexcode']}.svg"
        if entry["group"] == "component" or not path.is_file() or not entry["annotation"]:
            continue
        label = readable_name(entry["annotation"])
        words = _tags(entry)
        samples.append(Sample(str(path), "openmoji", label, emoji_captions(label, words), entry["group"],
                              entry["subgroups"], not entry["skintone"], words))
    return samples


def tuxpaint_samples(root: Path) -> List[Sample]:
    """Tux Paint stamps with an English description (the first line of the stamp's .txt file)."""
    stamps = root / "apt/tuxpaint-stamps-default/usr/share/tuxpaint/stamps"
    samples = []
    for text_file in sorted(stamps.rglob("*.txt")):
        image = next((p for p in (text_file.with_suffix(".png"), text_file.with_suffix(".svg")) if p.is_file()), None)
        if image is None:
            continue
        lines = text_file.read_text(encoding="utf-8", errors="replace").splitlines()
        description = lines[0].strip() if lines else ""
        if not description or "=" in description:
            continue
        label = re.sub(r"[\d_\-]+", " ", text_file.stem).strip().lower()
        relative = text_file.relative_to(stamps).parts
        category = relative[0] if len(relative) > 1 else "stamps"
        captions = [description, f"a picture of {label}", f"a drawing of {label}", label]
        samples.append(Sample(str(image), "tuxpaint", label, captions, category, "/".join(relative[:-1])))
    return samples


def load_samples(root: Path, style: str) -> List[Sample]:
    """All samples of one style."""
    if style == "noto":
        return emoji_samples(root, "google", "noto")
    if style == "twemoji":
        return emoji_samples(root, "twitter", "twemoji")
    if style == "openmoji":
        return openmoji_samples(root)
    if style == "tuxpaint":
        return tuxpaint_samples(root)
    raise ValueError(f"unknown style {style!r}")


def _tags(entry) -> List[str]:
    if not entry:
        return []
    text = ", ".join(t for t in (entry.get("tags", ""), entry.get("openmoji_tags", "")) if t)
    return [t.strip().lower() for t in text.split(",") if t.strip()]


def _dedupe(words: List[str]) -> List[str]:
    return list(dict.fromkeys(w.replace("_", " ").lower() for w in words))
