"""Byte-level BPE in the format of the CLIP tokenizer: learning merges from captions, and encoding text.

Vocabulary layout (ids): the 256 byte symbols, the same 256 symbols with the end-of-word marker ``</w>``,
one token per merge in rank order, then ``<|startoftext|>`` and ``<|endoftext|>``. End-of-text therefore has
the largest id, which the text encoder relies on to find it (argmax of the ids). Padding uses id 0.
"""
import heapq
from collections import Counter, defaultdict
from typing import Dict, Iterable, List, Sequence, Tuple

import regex

START_OF_TEXT = "<|startoftext|>"
END_OF_TEXT = "<|endoftext|>"
END_OF_WORD = "</w>"
CONTEXT_LENGTH = 77

# The CLIP pre-tokenizer: special tokens, English contractions, letter runs, single digits, other symbol runs.
PRETOKENIZE_PATTERN = (
    r"""<\|startoftext\|>|<\|endoftext\|>|'s|'t|'re|'ve|'m|'ll|'d|[\p{L}]+|[\p{N}]|[^\s\p{L}\p{N}]+""")
_PRETOKENIZE = regex.compile(PRETOKENIZE_PATTERN, regex.IGNORECASE)
_WHITESPACE = regex.compile(r"\s+")

Merge = Tuple[str, str]


def byte_symbols() -> List[Tuple[int, str]]:
    """(byte, printable symbol) pairs in vocabulary order.

    Bytes 33..126, 161..172 and 174..255 stand for the character with the same code point and come first;
    the other 68 bytes, in increasing order, stand for U+0100, U+0101, ... and come next.
    """
    printable = list(range(33, 127)) + list(range(161, 173)) + list(range(174, 256))
    pairs = [(b, chr(b)) for b in printable]
    others = [b for b in range(256) if b not in set(printable)]
    pairs += [(b, chr(256 + i)) for i, b in enumerate(others)]
    return pairs


_BYTE_TO_SYMBOL = dict(byte_symbols())


def clean(text: str) -> str:
    """Lower-case and collapse whitespace (the cleaning applied to training captions)."""
    return _WHITESPACE.sub(" ", text).strip().lower()


def pretokenize(text: str) -> List[str]:
    """Split cleaned text into the pieces that BPE works on."""
    return _PRETOKENIZE.findall(text)


def word_symbols(piece: str) -> Tuple[str, ...]:
    """A piece as byte symbols, the last one carrying the end-of-word marker."""
    symbols = [_BYTE_TO_SYMBOL[b] for b in piece.encode("utf-8")]
    symbols[-1] += END_OF_WORD
    return tuple(symbols)


def build_vocab(merges: Sequence[Merge]) -> Dict[str, int]:
    """Token to id for a merge list, in the CLIP layout."""
    symbols = [s for _, s in byte_symbols()]
    tokens = symbols + [s + END_OF_WORD for s in symbols] + [a + b for a, b in merges]
    tokens += [START_OF_TEXT, END_OF_TEXT]
    vocab = {token: index for index, token in enumerate(tokens)}
    if len(vocab) != len(tokens):
        raise ValueError("merge list produces a token twice")
    return vocab


def _merge_word(word: Tuple[str, ...], pair: Merge) -> Tuple[str, ...]:
    merged, i = [], 0
    while i < len(word):
        if i + 1 < len(word) and word[i] == pair[0] and word[i + 1] == pair[1]:
            merged.append(word[i] + word[i + 1])
            i += 2
        else:
            merged.append(word[i])
            i += 1
    return tuple(merged)


def learn_merges(texts: Iterable[str], max_merges: int, min_frequency: int = 2) -> List[Merge]:
    """Learn up to ``max_merges`` merges, most frequent adjacent pair first (ties: smallest pair).

    A pair whose concatenation is already a token is skipped, so each merge adds exactly one token and the id of
    merge r is 512 + r, as in the CLIP vocabulary.
    """
    word_counts = Counter(word_symbols(p) for t in texts for p in pretokenize(clean(t)))
    words = list(word_counts)
    counts = [word_counts[w] for w in words]
    pair_counts: Dict[Merge, int] = defaultdict(int)
    pair_words: Dict[Merge, set] = defaultdict(set)
    for index, word in enumerate(words):
        for pair in zip(word, word[1:]):
            pair_counts[pair] += counts[index]
            pair_words[pair].add(index)

    # Max-heap of (-count, pair) with lazy deletion: stale entries are skipped when popped.
    heap = [(-c, p) for p, c in pair_counts.items()]
    heapq.heapify(heap)
    known = set(build_vocab([]))
    merges: List[Merge] = []
    while len(merges) < max_merges and heap:
        negative, pair = heapq.heappop(heap)
        if -negative != pair_counts.get(pair, 0) or pair[0] + pair[1] in known:
            continue
        if -negative < min_frequency:
            break
        merges.append(pair)
        known.add(pair[0] + pair[1])
        changed = set()
        for index in sorted(pair_words.pop(pair, ())):
            old = words[index]
            new = _merge_word(old, pair)
            for p in zip(old, old[1:]):
                pair_counts[p] -= counts[index]
                changed.add(p)
            for p in zip(new, new[1:]):
                pair_counts[p] += counts[index]
                pair_words[p].add(index)
                changed.add(p)
            words[index] = new
        pair_counts.pop(pair, None)
        changed.discard(pair)
        for p in changed:
            if pair_counts[p] > 0:
                heapq.heappush(heap, (-pair_counts[p], p))
    return merges


class BpeTokenizer:
    """Encodes text to CLIP-style id sequences with a learned merge list."""

    def __init__(self, merges: Sequence[Merge]):
        self.merges = list(merges)
        self.ranks = {pair: rank for rank, pair in enumerate(self.merges)}
        self.vocab = build_vocab(self.merges)
        self.start_id = self.vocab[START_OF_TEXT]
        self.end_id = self.vocab[END_OF_TEXT]
        self._cache: Dict[str, List[int]] = {}

    @property
    def vocab_size(self) -> int:
        """Number of ids, special tokens included."""
        return len(self.vocab)

    def _bpe(self, piece: str) -> List[int]:
        if piece in self._cache:
            return self._cache[piece]
        word = word_symbols(piece)
        while len(word) > 1:
            ranked = [(self.ranks.get(p, len(self.ranks)), p) for p in zip(word, word[1:])]
            rank, pair = min(ranked)
            if rank == len(self.ranks):
                break
            word = _merge_word(word, pair)
        ids = [self.vocab[s] for s in word]
        self._cache[piece] = ids
        return ids

    def encode(self, text: str) -> List[int]:
        """Ids of the text without start/end tokens."""
        ids: List[int] = []
        for piece in pretokenize(clean(text)):
            if piece == START_OF_TEXT:
                ids.append(self.start_id)
            elif piece == END_OF_TEXT:
                ids.append(self.end_id)
            else:
                ids.extend(self._bpe(piece))
        return ids

    def tokenize(self, text: str, context_length: int = CONTEXT_LENGTH) -> List[int]:
        """Start, ids, end, zero padding; too long input keeps its first ids and ends with end-of-text."""
        ids = [self.start_id] + self.encode(text) + [self.end_id]
        if len(ids) > context_length:
            ids = ids[:context_length]
            ids[-1] = self.end_id
        return ids + [0] * (context_length - len(ids))


def synthetic_merges(count: int) -> List[Merge]:
    """``count`` valid, distinct merges of two byte symbols, for random-weight models that need a vocabulary of a
    given size (for example the 49,408 ids of the released models) but no meaningful one."""
    symbols = [s for _, s in byte_symbols()]
    pairs = ((a, b + END_OF_WORD) for a in symbols for b in symbols)
    merges = [pair for _, pair in zip(range(count), pairs)]
    if len(merges) < count:
        raise ValueError(f"at most {len(symbols) ** 2} synthetic merges")
    return merges
