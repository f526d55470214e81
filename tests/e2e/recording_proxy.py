"""An HTTP proxy for the Firefox and WebKit tests that records every request the browser makes
(pages, workers, the browser's own traffic) and forwards only those to the local server.

Both browsers are configured to send everything, 127.0.0.1 included, through it. A request to
any other host, or any CONNECT (https), is recorded and refused with 502: the tests then fail on
`foreign()`, whether or not the request could have succeeded.
"""

from __future__ import annotations

import http.client
import http.server
import threading
from contextlib import contextmanager
from urllib.parse import urlsplit

HOP_BY_HOP = {"connection", "keep-alive", "proxy-connection", "proxy-authorization", "te", "trailer",
              "transfer-encoding", "upgrade"}


class _Proxy(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    upstream: str  # "127.0.0.1:PORT"
    seen: list[str]

    def log_message(self, format, *args):  # noqa: A002 - the base class's signature
        pass

    def do_CONNECT(self):
        self.seen.append(f"https://{self.path}/")
        self.send_error(502, "only the local test server can be reached")
        self.close_connection = True

    def _forward(self):
        self.seen.append(self.path)
        parts = urlsplit(self.path)
        if parts.scheme != "http" or parts.netloc != self.upstream:
            self.send_error(502, "only the local test server can be reached")
            return
        headers = {k: v for k, v in self.headers.items() if k.lower() not in HOP_BY_HOP}
        conn = http.client.HTTPConnection(parts.netloc, timeout=60)
        try:
            path = parts.path + (f"?{parts.query}" if parts.query else "")
            conn.request(self.command, path, headers=headers)
            response = conn.getresponse()
            body = response.read()
        finally:
            conn.close()
        self.send_response(response.status, response.reason)
        for name, value in response.getheaders():
            if name.lower() not in HOP_BY_HOP and name.lower() != "content-length":
                self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    do_GET = _forward
    do_HEAD = _forward


@contextmanager
def recording_proxy(upstream_base: str):
    """Yield (proxy "host:port", list of recorded URLs) for a server at `upstream_base`."""
    upstream = urlsplit(upstream_base).netloc
    seen: list[str] = []
    handler = type("Proxy", (_Proxy,), {"upstream": upstream, "seen": seen})
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"127.0.0.1:{httpd.server_port}", seen
    finally:
        httpd.shutdown()
        httpd.server_close()


def foreign(seen: list[str], upstream_base: str) -> list[str]:
    """The recorded requests that were not for the local server."""
    netloc = urlsplit(upstream_base).netloc if upstream_base else None
    return [url for url in seen if urlsplit(url).scheme != "http" or urlsplit(url).netloc != netloc]
