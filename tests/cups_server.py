"""A private CUPS server for tests: its own cupsd (config, spool and logs in a temporary folder,
listening on a socket of its own) with a cups-pdf queue that writes into a folder of its own.

cups-pdf reads its settings only from /etc/cups, so the queue gets a per-queue file
``/etc/cups/cups-pdf-<queue>.conf`` (chosen by the device URI ``cups-pdf:/<queue>``) that the server
removes again when it stops.
"""
from __future__ import annotations

import grp
import os
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

CUPS_PDF_BACKEND = Path("/usr/lib/cups/backend/cups-pdf")
CUPS_PDF_PPD = Path("/usr/share/ppd/cups-pdf/CUPS-PDF_noopt.ppd")
CUPS_PDF_CONFIG_DIR = Path("/etc/cups")

CUPSD_CONF = """\
Listen {root}/cups.sock
LogLevel info
WebInterface No
Browsing Off
DefaultAuthType None
<Location />
  Order allow,deny
  Allow all
</Location>
<Policy default>
  <Limit All>
    Order deny,allow
  </Limit>
</Policy>
"""
CUPS_FILES_CONF = """\
ServerRoot {root}/etc
RequestRoot {root}/spool
TempDir {root}/tmp
CacheDir {root}/cache
StateDir {root}/state
AccessLog {root}/log/access_log
ErrorLog {root}/log/error_log
PageLog {root}/log/page_log
ServerBin /usr/lib/cups
DataDir /usr/share/cups
User lp
Group lp
SystemGroup root
Printcap {root}/printcap
"""
CUPS_PDF_CONF = """\
Out {out}
Spool {root}/cups-pdf-spool
Log {root}/log
Grp root
AnonDirName {out}
Label 0
"""


class CupsUnavailable(RuntimeError):
    """cupsd, lp or cups-pdf is missing, or we may not run cupsd (not root)."""


def missing_parts() -> list[str]:
    missing = [name for name in ("cupsd", "lpadmin", "lp", "lpstat") if shutil.which(name) is None
               and not Path("/usr/sbin", name).exists()]
    if not CUPS_PDF_BACKEND.exists() or not CUPS_PDF_PPD.exists():
        missing.append("cups-pdf (Debian: printer-driver-cups-pdf)")
    return missing


@dataclass
class CupsServer:
    root: Path
    queue: str
    out: Path
    process: subprocess.Popen
    env: dict[str, str] = field(default_factory=dict)

    def wait_for_pdf(self, timeout: float = 60.0) -> Path:
        """The first PDF cups-pdf writes (waits until its size stops changing)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            pdfs = sorted(self.out.glob("*.pdf"))
            if pdfs:
                size = pdfs[0].stat().st_size
                time.sleep(0.3)
                if size and pdfs[0].stat().st_size == size:
                    return pdfs[0]
            time.sleep(0.2)
        raise TimeoutError(f"cups-pdf wrote no PDF within {timeout:g} s; error log:\n{self.error_log()}")

    def error_log(self) -> str:
        logs = [self.root / "log" / name for name in ("cupsd.stderr", "error_log")]
        logs += sorted((self.root / "log").glob("cups-pdf*"))
        return "\n".join(path.read_text(errors="replace")[-4000:] for path in logs if path.exists())

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        (CUPS_PDF_CONFIG_DIR / f"cups-pdf-{self.queue}.conf").unlink(missing_ok=True)
        shutil.rmtree(self.root, ignore_errors=True)


def start_server() -> CupsServer:
    missing = missing_parts()
    if missing:
        raise CupsUnavailable("missing: " + ", ".join(missing))
    if os.geteuid() != 0:
        raise CupsUnavailable("a private cupsd with the cups-pdf backend must run as root")
    root = Path(tempfile.mkdtemp(prefix="checkin-cups-"))
    root.chmod(0o755)  # filters run as the lp user and must reach the spool
    queue = f"CheckinBadges{os.getpid()}"
    out = root / "out"
    for folder in ("etc/ppd", "spool", "tmp", "cache", "state", "log", "cups-pdf-spool", "out"):
        (root / folder).mkdir(parents=True, exist_ok=True)
    # Filters run as lp and write their temporary files here (cupsd leaves an existing folder as it is).
    os.chown(root / "tmp", 0, grp.getgrnam("lp").gr_gid)
    (root / "tmp").chmod(0o1770)
    (root / "etc" / "cupsd.conf").write_text(CUPSD_CONF.format(root=root))
    (root / "etc" / "cups-files.conf").write_text(CUPS_FILES_CONF.format(root=root))
    (CUPS_PDF_CONFIG_DIR / f"cups-pdf-{queue}.conf").write_text(CUPS_PDF_CONF.format(root=root, out=out))
    cupsd = shutil.which("cupsd") or "/usr/sbin/cupsd"
    with (root / "log" / "cupsd.stderr").open("wb") as stderr:  # the child keeps its own copy
        process = subprocess.Popen([cupsd, "-f", "-c", str(root / "etc" / "cupsd.conf"),
                                    "-s", str(root / "etc" / "cups-files.conf")], stdout=subprocess.DEVNULL, stderr=stderr)
    env = {**os.environ, "CUPS_SERVER": str(root / "cups.sock")}
    server = CupsServer(root, queue, out, process, env)
    try:
        _wait_until_up(server)
        lpadmin = shutil.which("lpadmin") or "/usr/sbin/lpadmin"
        subprocess.run([lpadmin, "-p", queue, "-E", "-v", f"cups-pdf:/{queue}", "-P", str(CUPS_PDF_PPD)], env=env,
                       check=True, capture_output=True, timeout=30)
    except BaseException:
        server.stop()
        raise
    return server


def _wait_until_up(server: CupsServer, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise CupsUnavailable(f"cupsd exited: {server.error_log()}")
        answer = subprocess.run(["lpstat", "-r"], env=server.env, capture_output=True, text=True, timeout=10)
        if answer.stdout.strip() == "scheduler is running":  # lpstat exits 0 either way
            return
        time.sleep(0.2)
    raise CupsUnavailable(f"cupsd did not answer within {timeout:g} s: {server.error_log()}")
