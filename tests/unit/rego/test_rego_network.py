"""User Rego cannot reach the network: a pack whose rule calls `http.send` or a `net.*`
built-in is refused with a located input error (exit 2), never evaluated to a pass, and no
request arrives at a listening server on 127.0.0.1."""

from __future__ import annotations

import shutil
import socket
import threading
from pathlib import Path

import pytest

from tests.support.cli import REPO, run_cli

pytest.importorskip("regopy")

ORG = """\
apiVersion: vendorgate/v1
kind: OrgProfile
name: Bank
sectors: [finance]
jurisdictions: [us-ny]
rules_paths: [rules]
vendors_paths: [vendors]
"""

VENDOR = """\
apiVersion: vendorgate/v1
kind: VendorProfile
id: acme
name: Acme
category: messaging
documents: []
facts:
  subprocessors:
    value:
      - name: Model Co
        category: ai_model_provider
usage:
  status: active
  data_classes: [npi]
"""


class CountingServer:
    """Accepts TCP connections on 127.0.0.1 and counts them."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen()
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.connections = 0
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        while not self.stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            self.connections += 1
            conn.close()

    def close(self) -> None:
        self.stop.set()
        self.thread.join()
        self.sock.close()


@pytest.mark.parametrize(
    "call",
    [
        'resp := http.send({"method": "GET", "url": "http://127.0.0.1:PORT/"})\n'
        "\tresp.status_code == 200",
        'addrs := net.lookup_ip_addr("127.0.0.1")\n\tcount(addrs) > 0',
    ],
    ids=["http.send", "net.lookup_ip_addr"],
)
def test_network_builtins_are_refused_and_reach_nothing(tmp_path: Path, call: str) -> None:
    server = CountingServer()
    try:
        (tmp_path / ".git").mkdir()
        (tmp_path / "vendors").mkdir()
        (tmp_path / "rules" / "rego").mkdir(parents=True)
        (tmp_path / "vendorgate.yaml").write_text(ORG)
        (tmp_path / "vendors" / "acme.yaml").write_text(VENDOR)
        source = (REPO / "rules" / "rego" / "ai_subprocessors.rego").read_text()
        assert "\tnot region_stated(provider)\n" in source
        hostile = source.replace(
            "\tnot region_stated(provider)\n", "\t" + call.replace("PORT", str(server.port)) + "\n"
        )
        (tmp_path / "rules" / "rego" / "net.rego").write_text(hostile)
        shutil.copy(REPO / "rules" / "healthcare-hipaa.yaml", tmp_path / "rules")
        proc = run_cli("check", "--format", "json", "-o", "out.json", cwd=tmp_path)
    finally:
        server.close()
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert proc.stderr.startswith("error: rules/rego/net.rego:")
    assert "Traceback" not in proc.stderr
    assert not (tmp_path / "out.json").exists()
    assert server.connections == 0
