"""Serve the built site on 127.0.0.1 the way GitHub Pages serves a project site.

The site lives under the path of ``site_url`` (``/aws-study-notes/``); a miss gets ``404.html``
with status 404; text responses are gzip-compressed when the client accepts it.
"""
from __future__ import annotations

import gzip
import os
import mimetypes
import threading
from contextlib import contextmanager
from functools import lru_cache
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Iterator
from urllib.parse import unquote, urlsplit

from tests.support.pages import config

COMPRESSIBLE = ("text/", "application/javascript", "application/json", "image/svg+xml", "application/xml")
mimetypes.add_type("application/javascript", ".mjs")
mimetypes.add_type("application/javascript", ".js")


def base_path() -> str:
    """The URL path of ``site_url`` (e.g. ``/aws-study-notes/``): where GitHub Pages serves the site."""
    path = urlsplit(config().site_url or "/").path or "/"
    return path if path.endswith("/") else path + "/"


@lru_cache(maxsize=512)
def _gzip(path: Path, mtime: float) -> bytes:
    return gzip.compress(path.read_bytes(), compresslevel=9, mtime=0)


def make_handler(root: Path, prefix: str):
    root = root.resolve()

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):  # quiet
            pass

        def _resolve(self) -> Path | None:
            path = unquote(urlsplit(self.path).path)
            if not path.startswith(prefix):
                return None
            # normpath, not resolve(): ".." cannot leave the site, but a linked copy of a site
            # (tests' link_site) is served as it is.
            target = Path(os.path.normpath(root / path[len(prefix):]))
            if not target.is_relative_to(root):
                return None
            if target.is_dir():
                if not path.endswith("/"):
                    return None
                target = target / "index.html"
            return target if target.is_file() else None

        def do_HEAD(self):
            self.do_GET(head=True)

        def do_GET(self, head: bool = False):
            target = self._resolve()
            status = 200
            if target is None:
                path = unquote(urlsplit(self.path).path)
                directory = root / path[len(prefix):] if path.startswith(prefix) else None
                if directory is not None and directory.is_dir() and not path.endswith("/"):
                    self.send_response(301)
                    self.send_header("Location", path + "/")
                    self.end_headers()
                    return
                status, target = 404, root / "404.html"
            ctype = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
            body = target.read_bytes()
            self.send_response(status)
            self.send_header("Content-Type", ctype + ("; charset=utf-8" if ctype.startswith("text/") else ""))
            if ctype.startswith(COMPRESSIBLE) and "gzip" in self.headers.get("Accept-Encoding", ""):
                body = _gzip(target, target.stat().st_mtime)
                self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "max-age=600")
            self.end_headers()
            if not head:
                try:
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the browser left the page before this response arrived: nothing to serve

    return Handler


@contextmanager
def serve(site_dir: Path, prefix: str | None = None, port: int = 0) -> Iterator[str]:
    """Serve ``site_dir`` under ``prefix`` (default: `base_path()`) on 127.0.0.1; yields the site's base URL."""
    prefix = prefix or base_path()
    server = ThreadingHTTPServer(("127.0.0.1", port), make_handler(Path(site_dir), prefix))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{prefix}"
    finally:
        server.shutdown()
        server.server_close()
