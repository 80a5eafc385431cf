"""Repeat read-only `newsetl` commands many times at once and count the runs that did not exit cleanly.

For aborts at interpreter exit that happen about once in a hundred runs under load, such as "terminate
called without an active exception" (exit code 134) when a library's native worker thread still held a
Python object as the interpreter shut down (see warehouse/history.read_local_table). Too slow and too
rare to be a test: run it by hand, with the machine loaded, against a warehouse a `newsetl run` built:

    python -m bench.exit_soak --warehouse data --runs 100 --parallel 20 history
    python -m bench.exit_soak --warehouse data sql --as-of 0 "select count(*) from articles"
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from collections import Counter
from concurrent.futures import ThreadPoolExecutor


def run_once(command: list[str]) -> tuple[int, str]:
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    return done.returncode, done.stderr


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--warehouse", required=True, help="a warehouse a newsetl run built")
    parser.add_argument("--runs", type=int, default=100, help="how many times to run the command (default 100)")
    parser.add_argument("--parallel", type=int, default=20, help="runs at once (default 20)")
    parser.add_argument("command", nargs=argparse.REMAINDER, help="the newsetl command and its arguments")
    args = parser.parse_args(argv)
    command = [sys.executable, "-m", "flows.cli", *args.command, "--warehouse", args.warehouse]
    with ThreadPoolExecutor(args.parallel) as pool:
        results = list(pool.map(lambda _: run_once(command), range(args.runs)))
    codes = Counter(code for code, _ in results)
    aborts = sum("terminate called" in stderr for _, stderr in results)
    print(f"{' '.join(args.command)}: {args.runs} runs, exit codes {dict(sorted(codes.items()))}, {aborts} aborted")
    for code, stderr in results:
        if code != 0:
            print(f"  exit {code}: {stderr.strip().splitlines()[-1] if stderr.strip() else '(no stderr)'}")
            break


if __name__ == "__main__":
    main()
