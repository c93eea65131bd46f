"""A scripted HTTP server on 127.0.0.1 for tests/cli/push.sh: it answers the
Nth request with the Nth ANSWER (the last one repeats) and logs every request
as a JSON line. Standard library only.

    python3 fake-sparql.py LOG PORTFILE ANSWER...

ANSWER is an HTTP status (201, 503, ...), "hang" (answer nothing for 30 s),
"drop" (close the connection without an answer) or "auth:USER:PASS" (401
with a Basic challenge unless the request carries those credentials, then
201). The port is written to PORTFILE once the server listens. The server
stops by itself after 300 s."""
import base64
import json
import os
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


def main(argv):
    if len(argv) < 4:
        print(__doc__, file=sys.stderr)
        return 2
    log_path, port_path, answers = argv[1], argv[2], argv[3:]
    count = [0]
    lock = threading.Lock()

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):  # quiet
            pass

        def handle_any(self):
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            with lock:
                n = count[0]
                count[0] += 1
                answer = answers[min(n, len(answers) - 1)]
                with open(log_path, "a", encoding="utf-8") as log:
                    log.write(json.dumps({
                        "method": self.command,
                        "path": self.path,
                        "type": self.headers.get("Content-Type"),
                        "auth": self.headers.get("Authorization"),
                        "body": body.decode("utf-8", "replace"),
                    }) + "\n")
            if answer == "hang":
                time.sleep(30)
                return
            if answer == "drop":
                self.close_connection = True
                self.connection.shutdown(2)
                return
            if answer.startswith("auth:"):
                _, user, password = answer.split(":", 2)
                want = "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()
                if self.headers.get("Authorization") != want:
                    self.send_response(401)
                    self.send_header("WWW-Authenticate", 'Basic realm="test"')
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                answer = "201"
            status = int(answer)
            text = f"<html><body><h1>Status {status}</h1><p>scripted answer</p></body></html>"
            data = text.encode()
            self.send_response(status)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        do_PUT = do_POST = do_GET = do_DELETE = handle_any

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    with open(port_path + ".tmp", "w") as f:
        f.write(str(server.server_address[1]))
    os.replace(port_path + ".tmp", port_path)
    threading.Timer(300, server.shutdown).start()
    server.serve_forever()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
