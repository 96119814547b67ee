"""Live knowledge reload: validate an edited knowledge base completely, then swap it in at once."""

from __future__ import annotations

import asyncio
import logging
import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from bot.engine import Engine
from bot.knowledge import Knowledge, KnowledgeError, load_knowledge

log = logging.getLogger(__name__)

WATCH_INTERVAL = 1.0  # seconds between two looks at the knowledge directory
SETTLE_DELAY = 0.2  # a changed directory must stay unchanged this long before it is loaded

Fingerprint = tuple[tuple[str, int, int, int], ...]
EngineFactory = Callable[[Knowledge], Engine]


def fingerprint(directory: Path) -> Fingerprint:
    """Name, modification time (ns), size and inode of every visible file in the directory.

    Hidden files and editor backups (``.facts.yaml.swp``, ``facts.yaml~``) are left out, so
    an editor's scratch files do not cause reloads; a missing directory has an empty print.
    """
    entries: list[tuple[str, int, int, int]] = []
    try:
        with os.scandir(directory) as listing:
            for entry in listing:
                if entry.name.startswith(".") or entry.name.endswith("~"):
                    continue
                try:
                    if not entry.is_file():
                        continue
                    status = entry.stat()
                except OSError:
                    continue  # removed while we looked: the next look sees the result
                entries.append((entry.name, status.st_mtime_ns, status.st_size, status.st_ino))
    except OSError:
        return ()
    return tuple(sorted(entries))


@dataclass(frozen=True)
class ReloadResult:
    """What one reload attempt did: swapped in a new version, or kept the old one and why."""

    ok: bool
    version: int
    facts: int
    seconds: float
    problems: tuple[str, ...] = ()


class KnowledgeService:
    """Holds the engine that answers questions and replaces it, whole, with a validated new one.

    Readers take ``service.engine`` once per question and use that engine throughout: the
    reference is swapped in one assignment, after the new knowledge base was loaded, validated
    and indexed completely, so no question ever sees a half-loaded one.
    """

    def __init__(
        self,
        engine: Engine,
        directory: Path | None = None,
        *,
        build: EngineFactory = Engine,
        watch_interval: float = WATCH_INTERVAL,
        settle_delay: float = SETTLE_DELAY,
    ) -> None:
        self._engine = engine
        self.directory = directory if directory is not None else engine.knowledge.directory
        self.watch_interval = watch_interval
        self.settle_delay = settle_delay
        self._build = build
        self._version = 1
        self._seen = fingerprint(self.directory)
        self._lock = threading.Lock()  # one reload at a time, whichever thread asks
        self._pending: set[asyncio.Task[ReloadResult]] = set()

    @property
    def engine(self) -> Engine:
        """The engine serving now; take it once per question."""
        return self._engine

    @property
    def version(self) -> int:
        """1 for the knowledge base loaded at start-up, one more for each successful reload."""
        return self._version

    # ----------------------------------------------------------------- reloading
    def reload(self, reason: str = "requested") -> ReloadResult:
        """Load, validate and index the directory; swap the new engine in only if all of that
        succeeded. Blocking: call it from a worker thread (``reload_async`` does)."""
        with self._lock:
            started = time.perf_counter()
            seen = fingerprint(self.directory)  # before reading: a later edit reloads again
            try:
                engine = self._build(load_knowledge(self.directory))
                engine.rehearse()  # swapped in warm: its first users wait no longer than others
            except KnowledgeError as error:
                problems = error.problems
            except Exception as error:  # a reload must never take the bot down
                problems = (f"{type(error).__name__}: {error}",)
            else:
                self._engine = engine
                self._version += 1
                self._seen = seen
                result = ReloadResult(True, self._version, len(engine.knowledge.facts),
                                      time.perf_counter() - started)
                log.info("knowledge reloaded (%s): version %d, %d facts from %s in %.2f s",
                         reason, result.version, result.facts, self.directory, result.seconds)
                return result
            self._seen = seen  # do not retry (and re-log) the same broken files every second
            result = ReloadResult(False, self._version, len(self._engine.knowledge.facts),
                                  time.perf_counter() - started, tuple(problems))
            log.error("knowledge reload (%s) rejected with %d problem(s); still serving "
                      "version %d", reason, len(result.problems), result.version)
            for problem in result.problems:
                log.error("knowledge error: %s", problem)
            return result

    async def reload_async(self, reason: str = "requested") -> ReloadResult:
        """``reload`` in a worker thread, so the event loop keeps answering meanwhile."""
        return await asyncio.to_thread(self.reload, reason)

    def request_reload(self, reason: str = "SIGHUP") -> None:
        """Start a reload in the background from the event loop (a signal handler calls this)."""
        task = asyncio.get_running_loop().create_task(self.reload_async(reason))
        self._pending.add(task)
        task.add_done_callback(self._pending.discard)

    def changed(self) -> bool:
        """Whether the directory looks different from the last version loaded (or rejected)."""
        return fingerprint(self.directory) != self._seen

    async def check_once(self) -> ReloadResult | None:
        """Reload if the directory changed and then held still for the settle delay."""
        current = await asyncio.to_thread(fingerprint, self.directory)
        if current == self._seen:
            return None
        while True:  # an editor may write a file in several steps: wait until it is done
            await asyncio.sleep(self.settle_delay)
            later = await asyncio.to_thread(fingerprint, self.directory)
            if later == current:
                break
            current = later
        return await self.reload_async("files changed")

    async def watch(self) -> None:
        """Poll the directory every ``watch_interval`` seconds and reload on a change, forever
        (until cancelled). Errors are logged and watching goes on."""
        log.info("watching %s for knowledge changes every %.1f s",
                 self.directory, self.watch_interval)
        while True:
            await asyncio.sleep(self.watch_interval)
            try:
                await self.check_once()
            except asyncio.CancelledError:
                raise
            except Exception as error:  # the watcher must outlive any surprise
                log.error("knowledge watcher: %s: %s", type(error).__name__, error)
