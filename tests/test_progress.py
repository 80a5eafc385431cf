"""Progress lines: redrawn on a terminal, plain and spaced out otherwise."""

from __future__ import annotations

import io

from flows.progress import Progress


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_a_terminal_gets_one_line_redrawn_in_place():
    screen, clock = Terminal(), Clock()
    progress = Progress(total=100, stream=screen, clock=clock)
    for _ in range(10):
        clock.now += 0.5
        progress.add(read=10, fetched=5, articles=8, rejected=2)
    progress.finish()
    text = screen.getvalue()
    assert text.count("\r\x1b[K") == 11 and text.endswith("\n") and text.count("\n") == 1
    assert text.count("\r") == 21  # each redraw returns to the line's start
    assert "read 100/100, fetched 50, articles 80, rejected 20, 20.0 documents/s" in text


def test_elsewhere_plain_lines_at_most_every_interval():
    lines: list[str] = []
    clock = Clock()
    progress = Progress(total=100, stream=io.StringIO(), log=lines.append, log_interval=10, clock=clock)
    for _ in range(10):
        clock.now += 3
        progress.add(read=10)
    progress.finish()
    assert len(lines) == 3  # at 12s, 24s and the end (30s)
    assert lines[0].startswith("read 40/100") and "about 18s left" in lines[0]
    assert all("\r" not in line for line in lines)
