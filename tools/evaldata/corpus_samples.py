"""Access to the image/caption corpus that tools/modeling fetches (``fetch-corpus.sh``) and describes
(``cliptools/corpus.py``), so evaluation sets use the same files, names and captions as clip-mini's training.

twemoji is the style clip-mini never trains on; it is what the evaluation sets here are made of.
"""
import re
import sys
from pathlib import Path
from typing import List

REPOSITORY = Path(__file__).resolve().parents[2]
DEFAULT_MODELING = REPOSITORY / "tools" / "modeling"
HELD_OUT_STYLE = "twemoji"


def load_samples(corpus: Path, style: str, modeling: Path = DEFAULT_MODELING) -> List:
    """The corpus samples of one style (``cliptools.corpus.Sample``: image, label, captions, category, ...)."""
    if not (modeling / "cliptools" / "corpus.py").is_file():
        raise SystemExit(f"{modeling}/cliptools/corpus.py is missing: pass --modeling with the model tooling folder")
    if str(modeling) not in sys.path:
        sys.path.insert(0, str(modeling))
    from cliptools.corpus import load_samples as load  # noqa: E402 (found through --modeling)

    if not (corpus / "npm").is_dir():
        raise SystemExit(f"no corpus in {corpus}: run {modeling}/fetch-corpus.sh {corpus} first")
    return load(corpus, style)


def folder_name(name: str) -> str:
    """A portable folder name for a class: lower-case letters and digits joined by ``_``."""
    return re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_") or "class"


def unique_folder_names(names: List[str]) -> List[str]:
    """``folder_name`` of each name, with ``_2``, ``_3``... added where two names would share a folder."""
    seen = {}
    folders = []
    for name in names:
        base = folder_name(name)
        seen[base] = seen.get(base, 0) + 1
        folders.append(base if seen[base] == 1 else f"{base}_{seen[base]}")
    return folders
