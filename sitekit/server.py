"""Serve the built site on 127.0.0.1 the way GitHub Pages serves a project site.

- The site lives under the path of ``site_url`` (`base_path()`, e.g. ``/aws-study-notes/``); a miss
  gets ``404.html`` with status 404, and a folder without its trailing slash a 301 to it.
- Text responses are gzip-compressed when the client accepts it (as GitHub Pages sends them).
- ``sitemap.xml`` names this server's origin: the build writes ``site_url``'s host and port into it,
  and Material follows a link with instant navigation only when its address is in the sitemap, host
  and port included. On GitHub Pages the site is served at ``site_url``, so the two agree there.
"""
from __future__ import annotations

import gzip
import mimetypes
import os
import re
import threading
from contextlib import contextmanager
from functools import lru_cache
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Iterator
from urllib.parse import unquote, urlsplit

from sitekit.pages import base_path

COMPRESSIBLE = ("text/", "application/javascript", "application/json", "image/svg+xml", "application/xml")
mimetypes.add_type("application/javascript", ".mjs")
mimetypes.add_type("application/javascript", ".js")
LOC = re.compile(rb"<loc>https?://[^/<]+")


@lru_cache(maxsize=512)
def _gzip(body: bytes) -> bytes:
    return gzip.compress(body, compresslevel=9, mtime=0)


def make_handler(root: Path, prefix: str):
    root = root.resolve()

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):  # quiet
            pass

        def _local(self) -> tuple[str, Path | None]:
            """The request's path, and the file or folder it names inside the site (None: outside)."""
            path = unquote(urlsplit(self.path).path)
            if not path.startswith(prefix):
                return path, None
            # normpath, not resolve(): ".." cannot leave the site, but a linked copy of a site
            # (sitekit.build.link_site) is served as it is.
            target = Path(os.path.normpath(root / path[len(prefix):].lstrip("/")))
            return path, target if target.is_relative_to(root) else None

        def do_HEAD(self):
            self.do_GET(head=True)

        def do_GET(self, head: bool = False):
            path, target = self._local()
            if target is not None and target.is_dir():
                if not path.endswith("/"):
                    self.send_response(301)
                    self.send_header("Location", path + "/")
                    self.end_headers()
                    return
                target = target / "index.html"
            status = 200
            if target is None or not target.is_file():
                status, target = 404, root / "404.html"
            body = target.read_bytes()
            if target.name == "sitemap.xml":
                body = LOC.sub(b"<loc>http://" + self.headers.get("Host", "").encode(), body)
            ctype = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
            self.send_response(status)
            self.send_header("Content-Type", ctype + ("; charset=utf-8" if ctype.startswith("text/") else ""))
            if ctype.startswith(COMPRESSIBLE) and "gzip" in self.headers.get("Accept-Encoding", ""):
                body = _gzip(body)
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
def serve(site_dir: Path, prefix: str | None = None) -> Iterator[str]:
    """Serve ``site_dir`` under ``prefix`` (default: `base_path()`) on 127.0.0.1; yields the site's base URL."""
    prefix = prefix or base_path()
    server = ThreadingHTTPServer(("127.0.0.1", 0), make_handler(Path(site_dir), prefix))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{prefix}"
    finally:
        server.shutdown()
        server.server_close()
