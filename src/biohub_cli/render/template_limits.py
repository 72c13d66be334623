"""What a knowledge base's own template may cost: time, memory, and the size of what it makes.

A knowledge base's templates come with its repository and render in Jinja2's sandbox, which keeps them
from Python's internals but not from the machine: `{{ "x" * 4000000000 }}` reached 11.7 GB and nested
`range(100000)` loops never ended. A page rendered from such a template now runs

- within TEMPLATE_SECONDS (an alarm in the thread that renders, the main one: on Linux and macOS),
- within TEMPLATE_MEMORY more address space than the process held before it (RLIMIT_AS, on Linux),
- making no string, list or number past TEMPLATE_MAX_CHARS characters or items (`*` and `**` are
  checked before they run), and no page past TEMPLATE_MAX_CHARS characters,

and whichever limit it breaks, the error names the template. biohub's own templates run without them.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
from collections.abc import Iterator
from typing import Any

from jinja2.exceptions import SecurityError
from jinja2.runtime import Context
from jinja2.sandbox import SandboxedEnvironment

TEMPLATE_SECONDS = 30.0
TEMPLATE_MEMORY = 1024 * 1024 * 1024
TEMPLATE_MAX_CHARS = 64_000_000
MAX_POWER_BITS = 1_000_000


class TemplateLimit(SecurityError):
    """A knowledge base's template broke one of the limits above; the message says which."""


class LimitedSandbox(SandboxedEnvironment):
    """The sandbox of a knowledge base's templates, with `*` and `**` checked before they run."""

    intercepted_binops = frozenset({"*", "**"})

    def call_binop(self, context: Context, operator: str, left: Any, right: Any) -> Any:
        if operator == "*":
            _check_repeat(left, right)
            _check_repeat(right, left)
        elif operator == "**" and isinstance(left, int) and isinstance(right, int) and right > 0 \
                and abs(left) > 1 and abs(left).bit_length() * right > MAX_POWER_BITS:
            raise TemplateLimit(f"a number of more than {MAX_POWER_BITS:,} bits ({left} ** {right})")
        return super().call_binop(context, operator, left, right)


def _check_repeat(seq: Any, times: Any) -> None:
    if isinstance(seq, str | bytes | list | tuple) and isinstance(times, int) and len(seq) * times > TEMPLATE_MAX_CHARS:
        raise TemplateLimit(f"a value of more than {TEMPLATE_MAX_CHARS:,} characters or items "
                            f"({len(seq):,} repeated {times:,} times)")


def render_limited(chunks: Iterator[str]) -> str:
    """The page a template's `generate()` makes, within the limits above."""
    out: list[str] = []
    size = 0
    with _alarm(TEMPLATE_SECONDS), _address_space(TEMPLATE_MEMORY):
        for chunk in chunks:
            size += len(chunk)
            if size > TEMPLATE_MAX_CHARS:
                raise TemplateLimit(f"a page of more than {TEMPLATE_MAX_CHARS:,} characters")
            out.append(chunk)
    return "".join(out)


def describe(exc: BaseException) -> str | None:
    """What limit an error of a limited render broke, in words; None for any other error."""
    if isinstance(exc, TemplateLimit):
        return f"it made {exc.message}, past the limit of knowledge-base templates"
    if isinstance(exc, TemplateTimeout):
        return f"it ran longer than {TEMPLATE_SECONDS:g} s, the limit of knowledge-base templates"
    if isinstance(exc, MemoryError):
        return (f"it needed more than {TEMPLATE_MEMORY // (1024 * 1024):,} MB of memory, the limit of "
                "knowledge-base templates")
    return None


class TemplateTimeout(Exception):
    pass


@contextlib.contextmanager
def _alarm(seconds: float) -> Iterator[None]:
    """SIGALRM after `seconds`, raising TemplateTimeout in this (the main) thread; elsewhere nothing."""
    if not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expired(signum: int, frame: object) -> None:
        raise TemplateTimeout()

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@contextlib.contextmanager
def _address_space(extra: int) -> Iterator[None]:
    """RLIMIT_AS at what this process maps now plus `extra` (an allocation past it raises MemoryError);
    elsewhere than on Linux, nothing."""
    try:
        import resource

        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        with open("/proc/self/statm", encoding="ascii") as statm:
            mapped = int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (ImportError, OSError, ValueError):
        yield
        return
    if not sys.platform.startswith("linux"):
        yield
        return
    limit = mapped + extra
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    if soft != resource.RLIM_INFINITY and soft <= limit:
        yield  # already held tighter
        return
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))
