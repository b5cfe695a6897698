"""Sources: article text or saved pages in, clean text with hash, outlet, URL and date out."""

from troopledger.sources._decode import GUESSED, MAX_ARTICLE_BYTES, MAX_CHAOS, decode_bytes, read_bytes
from troopledger.sources._document import Document, document_from_bytes, read_document
from troopledger.sources._leftovers import drop_leftovers
from troopledger.sources._sentences import Sentence, split_sentences

__all__ = [
    "GUESSED",
    "MAX_ARTICLE_BYTES",
    "MAX_CHAOS",
    "Document",
    "Sentence",
    "decode_bytes",
    "document_from_bytes",
    "drop_leftovers",
    "read_bytes",
    "read_document",
    "split_sentences",
]
