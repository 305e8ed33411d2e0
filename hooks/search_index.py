"""MkDocs hook: the search index in UTF-8.

Material writes ``search/search_index.json`` with every Hangul syllable as a ``\\uXXXX`` escape;
`on_post_build` rewrites it as compact UTF-8 (same data; 352 → 228 KB, 5.7 KiB less gzip).
"""
from __future__ import annotations

import json
from pathlib import Path


def on_post_build(config) -> None:
    index = Path(config["site_dir"]) / "search" / "search_index.json"
    if index.exists():
        data = json.loads(index.read_text(encoding="utf-8"))
        index.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
