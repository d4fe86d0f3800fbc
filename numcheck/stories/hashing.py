"""scikit-learn's feature hashing, in plain Python, for one article at a time.

A check places one new article among an archive's stories; importing scikit-learn to
hash its few hundred words would cost more than the rest of the check (seconds on a
loaded machine). ``HashingVectorizer`` puts a token in column
``abs(murmurhash3_32(utf-8 bytes, seed 0)) mod n_features``; the same function here
gives the same columns (a test holds the two equal), so a new article's row lines
up with rows scikit-learn hashed for the archive.
"""

from __future__ import annotations

from collections.abc import Iterable

_C1, _C2, _MASK = 0xCC9E2D51, 0x1B873593, 0xFFFFFFFF
_INT_MIN = -(2**31)


def murmurhash3_32(data: bytes, seed: int = 0) -> int:
    """MurmurHash3 (x86, 32 bits) as a signed integer, as ``sklearn.utils.murmurhash3_32``."""
    h = seed & _MASK
    blocks = len(data) // 4
    for i in range(blocks):
        k = int.from_bytes(data[4 * i:4 * i + 4], "little")
        k = (k * _C1) & _MASK
        k = ((k << 15) | (k >> 17)) & _MASK
        k = (k * _C2) & _MASK
        h ^= k
        h = ((h << 13) | (h >> 19)) & _MASK
        h = (h * 5 + 0xE6546B64) & _MASK
    tail = data[4 * blocks:]
    k = 0
    for i, byte in enumerate(tail):
        k |= byte << (8 * i)
    if tail:
        k = (k * _C1) & _MASK
        k = ((k << 15) | (k >> 17)) & _MASK
        k = (k * _C2) & _MASK
        h ^= k
    h ^= len(data)
    h ^= h >> 16
    h = (h * 0x85EBCA6B) & _MASK
    h ^= h >> 13
    h = (h * 0xC2B2AE35) & _MASK
    h ^= h >> 16
    return h - 2**32 if h >= 2**31 else h


def column(token: str, n_features: int) -> int:
    """The column ``HashingVectorizer(alternate_sign=False)`` gives ``token``."""
    h = murmurhash3_32(token.encode("utf-8"))
    if h == _INT_MIN:
        return (2**31 - 1 - (n_features - 1)) % n_features
    return abs(h) % n_features


def hashed_counts(tokens: Iterable[str], n_features: int) -> dict[int, int]:
    """Column → count: one article's row of hashed term counts."""
    out: dict[int, int] = {}
    memo: dict[str, int] = {}
    for token in tokens:
        col = memo.get(token)
        if col is None:
            col = memo[token] = column(token, n_features)
        out[col] = out.get(col, 0) + 1
    return out
