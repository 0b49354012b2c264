"""Two real Syncthing instances on the loopback address, driven through their REST API.

Each instance has its own --home in a temporary folder, listens and serves its GUI/REST on
127.0.0.1 only, and has global and local discovery, relays, NAT traversal, usage reporting,
crash reporting and upgrades turned off. "Offline" is a paused device (REST
``/rest/system/pause``). Every wait polls the API with a deadline; none sleeps a fixed time.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

FOLDER_ID = "penportrait-data"
SYNCTHING = shutil.which("syncthing")


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_for(what: str, check: Callable[[], bool], timeout: float = 30.0) -> None:
    """Poll ``check`` (an API call) until it is true; fail naming ``what`` after ``timeout``."""
    deadline = time.monotonic() + timeout
    delay = 0.05
    while not check():
        if time.monotonic() > deadline:
            raise TimeoutError(f"Syncthing: timed out after {timeout:.0f} s waiting for {what}")
        time.sleep(delay)  # a poll interval between API calls, not a wait for an event
        delay = min(delay * 1.5, 0.5)
    if os.environ.get("ST_DEBUG"):
        print(f"waited {time.monotonic() - deadline + timeout:.1f}s for {what}")


@dataclass
class Instance:
    name: str
    home: Path
    folder: Path
    gui_port: int
    sync_port: int
    api_key: str
    process: subprocess.Popen[bytes] | None = None
    device_id: str = ""
    # Only A dials B: when both dial at once, Syncthing may drop both connections as
    # duplicates and wait its whole reconnection interval (about 20 s) before trying again.
    dials: bool = False

    def addresses(self, other: Instance) -> list[str]:
        return [f"tcp://127.0.0.1:{other.sync_port}"] if self.dials else ["dynamic"]

    def nudge(self, other: Instance) -> None:
        """A changed device config makes Syncthing dial at once, not at its next round."""
        if self.dials:
            self.call(
                "PATCH",
                f"/rest/config/devices/{other.device_id}",
                {"addresses": self.addresses(other), "paused": False},
            )

    # -- REST -----------------------------------------------------------------------------

    def call(self, method: str, path: str, body: Any = None) -> Any:
        request = urllib.request.Request(
            f"http://127.0.0.1:{self.gui_port}{path}",
            method=method,
            data=None if body is None else json.dumps(body).encode(),
            headers={"X-API-Key": self.api_key, "Content-Type": "application/json"},
        )
        with urllib.request.urlopen(request, timeout=10) as response:
            text = response.read()
        return json.loads(text) if text.strip() else None

    def answering(self) -> bool:
        if self.process is not None and self.process.poll() is not None:
            log = (self.home / "syncthing.log").read_text(errors="replace")[-2000:]
            raise RuntimeError(f"syncthing {self.name} exited: {log}")
        try:
            return self.call("GET", "/rest/system/ping") == {"ping": "pong"}
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            return False

    def status(self) -> dict[str, Any]:
        result: dict[str, Any] = self.call("GET", f"/rest/db/status?folder={FOLDER_ID}")
        return result

    def scan(self) -> None:
        self.call("POST", f"/rest/db/scan?folder={FOLDER_ID}")

    def pause(self, other: Instance) -> None:
        self.call("POST", f"/rest/system/pause?device={other.device_id}")

    def resume(self, other: Instance) -> None:
        self.call("POST", f"/rest/system/resume?device={other.device_id}")

    def connected_to(self, other: Instance) -> bool:
        connections = self.call("GET", "/rest/system/connections")["connections"]
        return bool(connections.get(other.device_id, {}).get("connected"))

    def in_sync_with(self, other: Instance) -> bool:
        """Idle, needing nothing, and the other device has everything we have."""
        status = self.status()
        if status.get("state") != "idle" or status.get("needTotalItems", 1) != 0:
            return False
        completion = self.call(
            "GET", f"/rest/db/completion?folder={FOLDER_ID}&device={other.device_id}"
        )
        return bool(completion.get("completion") == 100 and completion.get("needItems", 1) == 0)


def _configure(home: Path, gui_port: int, sync_port: int, api_key: str) -> None:
    """Loopback only; no discovery, relays, NAT traversal, usage or crash reports, upgrades."""
    path = home / "config.xml"
    tree = ET.parse(path)
    root = tree.getroot()
    gui = root.find("gui")
    assert gui is not None
    gui.set("tls", "false")
    for tag, text in (("address", f"127.0.0.1:{gui_port}"), ("apikey", api_key)):
        node = gui.find(tag)
        if node is None:
            node = ET.SubElement(gui, tag)
        node.text = text
    options = root.find("options")
    assert options is not None
    for node in options.findall("listenAddress"):
        options.remove(node)
    ET.SubElement(options, "listenAddress").text = f"tcp://127.0.0.1:{sync_port}"
    for tag, text in (
        ("globalAnnounceEnabled", "false"),
        ("localAnnounceEnabled", "false"),
        ("relaysEnabled", "false"),
        ("natEnabled", "false"),
        ("urAccepted", "-1"),
        ("urSeen", "3"),
        ("autoUpgradeIntervalH", "0"),
        ("crashReportingEnabled", "false"),
        ("startBrowser", "false"),
        ("announceLANAddresses", "false"),
        ("reconnectionIntervalS", "1"),
    ):
        node = options.find(tag)
        if node is None:
            node = ET.SubElement(options, tag)
        node.text = text
    tree.write(path)


@contextlib.contextmanager
def pair(tmp: Path) -> Iterator[tuple[Instance, Instance]]:
    """Two paired instances sharing one folder (``<tmp>/A/data`` and ``<tmp>/B/data``)."""
    assert SYNCTHING is not None, "syncthing is not installed (Debian package 'syncthing')"
    env = {
        **os.environ,
        "STNOUPGRADE": "1",
        "STNODEFAULTFOLDER": "1",
        "STNORESTART": "1",
        "STGUIASSETS": "",
        "HOME": str(tmp),
    }
    instances = []
    for name in ("A", "B"):
        home = tmp / name / "home"
        folder = tmp / name / "data"
        folder.mkdir(parents=True)
        (folder / ".stfolder").mkdir()
        subprocess.run(
            [SYNCTHING, "generate", f"--home={home}", "--no-default-folder"],
            check=True,
            capture_output=True,
            env=env,
            timeout=30,
        )
        instance = Instance(name, home, folder, free_port(), free_port(), f"key-{name}-test")
        _configure(home, instance.gui_port, instance.sync_port, instance.api_key)
        instances.append(instance)
    try:
        for instance in instances:
            log = open(instance.home / "syncthing.log", "wb")  # noqa: SIM115 (closed below)
            instance.process = subprocess.Popen(
                [
                    SYNCTHING,
                    "serve",
                    f"--home={instance.home}",
                    "--no-browser",
                    "--no-restart",
                    "--no-upgrade",
                ],
                stdout=log,
                stderr=subprocess.STDOUT,
                env=env,
            )
            log.close()
        a, b = instances
        a.dials = True
        for instance in instances:
            wait_for(f"{instance.name} to answer", instance.answering)
            instance.device_id = instance.call("GET", "/rest/system/status")["myID"]
        for me, other in ((a, b), (b, a)):
            me.call(
                "PUT",
                f"/rest/config/devices/{other.device_id}",
                {
                    "deviceID": other.device_id,
                    "name": other.name,
                    "addresses": me.addresses(other),
                },
            )
            me.call(
                "PUT",
                f"/rest/config/folders/{FOLDER_ID}",
                {
                    "id": FOLDER_ID,
                    "label": "PenPortrait data",
                    "path": str(me.folder),
                    "type": "sendreceive",
                    "devices": [{"deviceID": a.device_id}, {"deviceID": b.device_id}],
                    "rescanIntervalS": 3600,
                    "fsWatcherEnabled": False,
                    "maxConflicts": 10,
                },
            )
        connect(a, b)
        yield a, b
    finally:
        for instance in instances:
            if instance.process is not None and instance.process.poll() is None:
                instance.process.terminate()
                try:
                    instance.process.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    instance.process.kill()
                    instance.process.wait(timeout=10)


def reconnect(a: Instance, b: Instance) -> None:
    """Resume both devices and wait until they are connected again."""
    b.resume(a)
    a.resume(b)
    connect(a, b)


def connect(a: Instance, b: Instance, timeout: float = 40.0) -> None:
    """Wait until A and B are connected, nudging A to dial again after each short wait."""
    deadline = time.monotonic() + timeout
    while True:
        a.nudge(b)
        try:
            wait_for("A and B to connect", lambda: a.connected_to(b) and b.connected_to(a), 3)
            return
        except TimeoutError:
            if time.monotonic() > deadline:
                raise


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every synced file (relative path -> bytes), without Syncthing's own markers."""
    found = {}
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = [d for d in dirnames if not d.startswith(".st")]
        for name in filenames:
            path = Path(dirpath, name)
            with contextlib.suppress(FileNotFoundError):
                found[path.relative_to(folder).as_posix()] = path.read_bytes()
    return found


def settle(a: Instance, b: Instance, timeout: float = 30.0) -> None:
    """Scan both sides, then wait until both hold the same files and need nothing."""

    def same() -> bool:
        a.scan()
        b.scan()
        return a.in_sync_with(b) and b.in_sync_with(a) and snapshot(a.folder) == snapshot(b.folder)

    wait_for("A and B to hold the same files", same, timeout)
