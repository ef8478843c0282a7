"""The learned BPE vocabulary: CLIP layout of ids, merge learning, encoding and the written files."""
import json
import tempfile
import unittest
from pathlib import Path

from cliptools.bpe import (END_OF_TEXT, START_OF_TEXT, BpeTokenizer, build_vocab, byte_symbols, clean,
                           learn_merges, pretokenize, synthetic_merges)
from cliptools.tokenizer_files import read_merges, write_tokenizer


class BpeTests(unittest.TestCase):
    def test_byteSymbols_printableFirstThenShiftedBytes(self):
        symbols = byte_symbols()
        self.assertEqual(symbols[0], (33, "!"))
        self.assertEqual(symbols[188], (0, "\u0100"))
        self.assertEqual(dict(symbols)[32], "\u0120")
        self.assertEqual(len({s for _, s in symbols}), 256)

    def test_buildVocab_noMerges_matchesClipIdsForBytes(self):
        vocab = build_vocab([])
        self.assertEqual(vocab["a"], 64)
        self.assertEqual(vocab["a</w>"], 320)
        self.assertEqual(vocab[END_OF_TEXT], 513)

    def test_learnMerges_mostFrequentPairFirst(self):
        merges = learn_merges(["ab ab ab cd"], max_merges=5)
        self.assertEqual(merges[0], ("a", "b</w>"))
        self.assertNotIn(("c", "d</w>"), merges)

    def test_learnMerges_respectsMaximum(self):
        self.assertEqual(len(learn_merges(["hello world"] * 3, max_merges=2)), 2)

    def test_tokenize_startEndPaddingAndEndOfTextIsLargestId(self):
        tokenizer = BpeTokenizer(learn_merges(["a photo of a cat"] * 2, 20))
        ids = tokenizer.tokenize("A  Photo of a CAT")
        self.assertEqual(len(ids), 77)
        self.assertEqual(ids[0], tokenizer.vocab[START_OF_TEXT])
        self.assertEqual(max(ids), tokenizer.vocab[END_OF_TEXT])
        self.assertEqual(tokenizer.vocab[END_OF_TEXT], tokenizer.vocab_size - 1)
        self.assertEqual(ids[-1], 0)
        self.assertEqual(ids[1:7], [tokenizer.vocab["a</w>"], tokenizer.vocab["photo</w>"],
                                    tokenizer.vocab["of</w>"], tokenizer.vocab["a</w>"],
                                    tokenizer.vocab["cat</w>"], tokenizer.vocab[END_OF_TEXT]])

    def test_tokenize_tooLong_truncatesWithEndOfText(self):
        tokenizer = BpeTokenizer([])
        ids = tokenizer.tokenize("x " * 100)
        self.assertEqual(len(ids), 77)
        self.assertEqual(ids[-1], tokenizer.end_id)

    def test_pretokenize_contractionsDigitsAndSymbols(self):
        self.assertEqual(pretokenize(clean("It's 42 cats!!")), ["it", "'s", "4", "2", "cats", "!!"])

    def test_encode_unseenNonAscii_usesByteSymbols(self):
        tokenizer = BpeTokenizer([])
        self.assertEqual(len(tokenizer.encode("é")), 2)

    def test_writeTokenizer_filesRoundTrip(self):
        tokenizer = BpeTokenizer(learn_merges(["a photo of a cat", "a photo of a dog"], 30))
        with tempfile.TemporaryDirectory() as scratch:
            folder = Path(scratch)
            write_tokenizer(tokenizer, folder)
            self.assertEqual(read_merges(folder / "merges.txt"), tokenizer.merges)
            self.assertEqual(json.loads((folder / "vocab.json").read_text(encoding="utf-8")), tokenizer.vocab)
            document = json.loads((folder / "tokenizer.json").read_text(encoding="utf-8"))
        self.assertEqual(document["model"]["end_of_word_suffix"], "</w>")
        self.assertEqual([t["content"] for t in document["added_tokens"]], [START_OF_TEXT, END_OF_TEXT])

    def test_syntheticMerges_giveClipVocabularySize(self):
        self.assertEqual(BpeTokenizer(synthetic_merges(48894)).vocab_size, 49408)


if __name__ == "__main__":
    unittest.main()
