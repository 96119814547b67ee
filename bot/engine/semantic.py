"""Meaning similarity of a question to each fact's phrasings, from WordLlama's static word
embeddings, when the optional `semantic` extra is installed.

WordLlama's weights and tokenizer ship inside its wheel (about 16 MB of embeddings), so nothing
is downloaded; a question is embedded in about 0.1 ms on a CPU. Its vocabulary and training
are English: it is used for English only. It ranks paraphrases that share no word with a
fact, which the words alone cannot; it does not decide (a fact that only means the same is
offered, not answered, unless the thresholds fitted with it say otherwise)."""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

    from bot.knowledge import Knowledge

# The languages the model reads: its tokenizer and training are English.
LANGUAGES = frozenset({"en"})
_CONFIG = "l2_supercat"
_DIMENSIONS = 256


class Embedder(Protocol):
    """What the engine needs of a model: texts to one vector each."""

    def embed(self, texts: list[str]) -> Any:
        """One vector per text (an array of shape texts × dimensions)."""


def installed() -> bool:
    """Whether the `semantic` extra (WordLlama) is installed."""
    return importlib.util.find_spec("wordllama") is not None


@cache
def model() -> Embedder | None:
    """WordLlama loaded from the files inside its package (no download), once per process;
    None when it is not installed."""
    if not installed():
        return None
    import wordllama
    from safetensors import safe_open
    from tokenizers import Tokenizer
    from wordllama.inference import WordLlamaInference

    # Read from the package's own folders: the library's loader would look for the tokenizer
    # under another folder name and then try to download it.
    root = Path(wordllama.__file__).parent
    tokenizer = Tokenizer.from_file(str(root / "tokenizers" / f"{_CONFIG}_tokenizer_config.json"))
    weights = root / "weights" / f"{_CONFIG}_{_DIMENSIONS}.safetensors"
    with safe_open(str(weights), framework="np", device="cpu") as handle:
        embedding = handle.get_tensor("embedding.weight")
    loaded: Embedder = WordLlamaInference(embedding, tokenizer, binary=False)
    return loaded


def _unit(vectors: Any) -> NDArray[np.float32]:
    """The vectors scaled to length 1 (a zero vector stays zero)."""
    import numpy as np

    array = np.asarray(vectors, dtype=np.float32)
    norms = np.linalg.norm(array, axis=-1, keepdims=True)
    unit: NDArray[np.float32] = array / np.maximum(norms, 1e-9)
    return unit


@dataclass(frozen=True)
class Meanings:
    """One language's phrasings embedded once: each phrasing's unit vector and its fact."""

    vectors: NDArray[np.float32]  # phrasings × dimensions
    owners: NDArray[np.intp]  # the fact (its index in the knowledge base) of each phrasing
    facts: int

    @classmethod
    def of(cls, knowledge: Knowledge, language: str, embedder: Embedder) -> Meanings | None:
        """The language's phrasings embedded; None when it has none."""
        import numpy as np

        pairs = [(number, question) for number, fact in enumerate(knowledge.facts)
                 for question in fact.questions.get(language, ())]
        if not pairs:
            return None
        vectors = _unit(embedder.embed([question for _, question in pairs]))
        owners = np.fromiter((number for number, _ in pairs), dtype=np.intp, count=len(pairs))
        return cls(vectors, owners, len(knowledge.facts))

    def similarity(self, question: str, embedder: Embedder) -> list[float]:
        """Per fact, the cosine similarity of the question to its closest phrasing."""
        import numpy as np

        asked = _unit(embedder.embed([question]))[0]
        best = np.full(self.facts, -1.0, dtype=np.float32)
        np.maximum.at(best, self.owners, self.vectors @ asked)
        return [float(value) for value in best]


def meanings_of(knowledge: Knowledge) -> dict[str, Meanings]:
    """The phrasings of each language the model reads, embedded; none without the model."""
    embedder = model()
    if embedder is None:
        return {}
    found = {language: Meanings.of(knowledge, language, embedder)
             for language in knowledge.languages if language in LANGUAGES}
    return {language: meanings for language, meanings in found.items() if meanings is not None}
