"""Sources: article text or saved pages in, clean text with hash, outlet, URL and date out."""

__all__: list[str] = []
