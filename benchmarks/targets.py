#!/usr/bin/env python3
"""Reads a run.sh results directory and answers the performance targets of docs/performance.adoc from it.

Writes the table between '// targets:begin' and '// targets:end' (or prints it without --doc). Every figure is read
from the same run as the grid it sits under; a target whose rows did not run says so instead of guessing. Where the
run has target rounds (run.sh --target-rounds, in the results directory's targets/), a throughput target's figures
are the mean of every round's iterations pooled, and the round means are shown beside it.
"""
import argparse
import glob
import os
import sys

import report

BEGIN = "// targets:begin"
END = "// targets:end"

JDK, JBOSS = "JDK LogManager", "JBoss LogManager"
METHOD = {JDK: "underJdkLogManager", JBOSS: "underJbossLogManager"}

ASYNC_PEERS = [
    ("Log4j2 all-async loggers", "Log4j2Benchmark.info", {"loggers": "async"}),
    ("Logback AsyncAppender", "LogbackBenchmark.info", {"appender": "async"}),
    ("JBoss LogManager AsyncHandler", "JbossLogManagerBenchmark.info", {"handler": "async"}),
]


class Run:
    def __init__(self, results_dir):
        self.results = report.load_results(results_dir)
        self.failures = report.load_failures(results_dir)
        rounds_dir = os.path.join(results_dir, "targets")
        self.rounds = {}
        for key, entry in report.load_entries(sorted(glob.glob(os.path.join(rounds_dir, "round*.json")))):
            self.rounds.setdefault(key, []).append(entry)
        self.round_failures = report.load_failures(rounds_dir) if os.path.isdir(rounds_dir) else {}
        self.failures.update(self.round_failures)
        self.round_count = len(glob.glob(os.path.join(rounds_dir, "round*-queue.log")))

    def entry(self, name, params, flush, mode, threads):
        return self.results.get((name, tuple(sorted(params.items())), flush, mode, threads))

    def failed(self, name, params, flush, mode, threads):
        return (name, tuple(sorted(params.items())), flush, mode, threads) in self.failures

    def score(self, name, params, flush, mode, threads):
        """The rounds' iterations pooled where there are rounds of the row, else the grid's score."""
        rounds = self.rounds.get((name, tuple(sorted(params.items())), flush, mode, threads))
        if rounds:
            iterations = [value for entry in rounds for fork in entry["primaryMetric"]["rawData"] for value in fork]
            return sum(iterations) / len(iterations)
        entry = self.entry(name, params, flush, mode, threads)
        return entry["primaryMetric"]["score"] if entry else None

    def in_rounds(self, name, params, flush, mode, threads):
        key = (name, tuple(sorted(params.items())), flush, mode, threads)
        return key in self.rounds or key in self.round_failures

    def rounds_note(self, name, params, flush, mode, threads):
        """' (mean of N rounds: a, b, c)' for a row measured in rounds, with the rounds it failed; else ''."""
        key = (name, tuple(sorted(params.items())), flush, mode, threads)
        rounds = self.rounds.get(key, [])
        if not self.in_rounds(name, params, flush, mode, threads):
            return ""
        means = ", ".join(report.millions(entry["primaryMetric"]["score"]) for entry in rounds)
        if key not in self.round_failures:
            return f" (mean of {len(rounds)} rounds: {means}/s)"
        lost = max(1, self.round_count - len(rounds))
        kept = (f"; the figure is from the {len(rounds)} round{'s' if len(rounds) > 1 else ''} that lost"
                f" nothing: {means}/s" if rounds else "")
        return f" (FAILED the delivery check in {lost} of {self.round_count} rounds: it lost records{kept})"

    def alloc(self, *key):
        entry = self.entry(*key)
        gc = entry.get("secondaryMetrics", {}).get("gc.alloc.rate.norm") if entry else None
        return gc["score"] if gc else None

    def p99(self, *key):
        entry = self.entry(*key)
        return entry["primaryMetric"].get("scorePercentiles", {}).get("99.0") if entry else None


def m(ops):
    return "not run" if ops is None else report.millions(ops) + "/s"


def us(value):
    return "not run" if value is None else (f"{value:.2f} µs" if value < 10 else f"{value:,.0f} µs")


def ratio(ours, theirs):
    return None if ours is None or not theirs else ours / theirs


def verdict(value, wanted, higher_is_better=True):
    if value is None:
        return "not measured"
    met = value >= wanted if higher_is_better else value <= wanted
    return "yes" if met else "no"


def queue_rows(run, threads=2):
    rows = []
    best = max(((run.score(name, params, "buffered", "thrpt", threads), label + " (buffered)")
                for label, name, params in ASYNC_PEERS
                if not run.failed(name, params, "buffered", "thrpt", threads)), key=lambda pair: pair[0] or 0)
    log4j2 = run.score("Log4j2Benchmark.info", {"loggers": "async"}, "buffered", "thrpt", threads)
    log4j2_default = run.score("Log4j2Benchmark.info", {"loggers": "async"}, "durable", "thrpt", threads)
    log4j2_text = m(log4j2) + " buffered" + run.rounds_note("Log4j2Benchmark.info", {"loggers": "async"},
                                                           "buffered", "thrpt", threads)
    if (run.failed("Log4j2Benchmark.info", {"loggers": "async"}, "buffered", "thrpt", threads)
            and not run.in_rounds("Log4j2Benchmark.info", {"loggers": "async"}, "buffered", "thrpt", threads)):
        log4j2_text += (" (FAILED the delivery check: it lost records; the figure is the iterations before the"
                        " loss)")
    for manager in (JDK, JBOSS):
        for name, what in (("LoghandlersQueueBenchmark", "QueueHandler -> FileHandler, defaults"),
                           ("LoghandlersCdiDefaultsBenchmark", "queue -> file from microprofile-config.properties")):
            ours = run.score(f"{name}.{METHOD[manager]}", {}, "", "thrpt", threads)
            r = ratio(ours, log4j2)
            rows.append([f"{what}, {manager}, {threads} producers: at least 1.2x Log4j2 all-async loggers",
                         m(ours) + run.rounds_note(f"{name}.{METHOD[manager]}", {}, "", "thrpt", threads),
                         f"Log4j2 all-async {log4j2_text}, {m(log4j2_default)} on its default"
                         f" immediateFlush=true; best async peer that lost nothing: {best[1]} {m(best[0])}",
                         met_against(r, ratio(ours, best[0]))])
    return rows


def met_against(log4j2_ratio, best_ratio):
    if log4j2_ratio is None:
        return "not measured"
    text = f"{verdict(log4j2_ratio, 1.2)}: {log4j2_ratio:.2f}x Log4j2"
    if best_ratio is not None and abs(best_ratio - log4j2_ratio) > 1e-9:
        text += f"; {best_ratio:.2f}x the best peer that lost nothing"
    return text


# A record lost in the latency pass is as lost as one in the throughput pass; each JMH mode and how a loss in it is
# told apart.
PASS_NOTES = {"thrpt": "", "sample": ", latency pass"}


def loss_row(run, threads_list):
    names = ["LoghandlersQueueBenchmark", "LoghandlersCdiDefaultsBenchmark"]
    failed = [f"{name} {manager} {t} threads{note}" for name in names for manager in (JDK, JBOSS)
              for t in threads_list for mode, note in PASS_NOTES.items()
              if run.failed(f"{name}.{METHOD[manager]}", {}, "", mode, t)]
    ran = any(run.entry(f"{name}.{METHOD[manager]}", {}, "", "thrpt", t) for name in names
              for manager in (JDK, JBOSS) for t in threads_list)
    if not ran:
        return ["... with zero loss", "not run", "", "not measured"]
    peers_failed = [f"{label} ({flush}, {t} thread{'s' if t > 1 else ''}{note})" for label, name, params in ASYNC_PEERS
                    for flush in ("durable", "buffered") for t in threads_list
                    for mode, note in PASS_NOTES.items() if run.failed(name, params, flush, mode, t)]
    beside = ("peers that failed the same check (lost records): " + ", ".join(peers_failed) if peers_failed
              else "the async peers lost nothing either")
    return ["... with zero loss", "every iteration's lines counted: " + ("none missing" if not failed
            else "shortfall in " + ", ".join(failed)), beside, "yes" if not failed else "no"]


def allocation_rows(run, threads=1):
    rows = []
    for manager in (JDK, JBOSS):
        floor = run.alloc(f"HandlerFloorBenchmark.{METHOD[manager]}", {"handler": "counting"}, "", "thrpt", threads)
        ours = run.alloc(f"LoghandlersQueueBenchmark.{METHOD[manager]}", {}, "", "thrpt", threads)
        beyond = None if ours is None or floor is None else ours - floor
        rows.append([f"Queue path, {manager}: at most 24 B per record beyond the LogRecord",
                     "not run" if ours is None else f"{ours:,.0f} B per record in all, {beyond:,.0f} B beyond what"
                     f" the logger itself allocates ({floor:,.0f} B, the counting-handler floor)"
                     if beyond is not None else f"{ours:,.0f} B (floor not run)",
                     "Log4j2 all-async: " + (lambda a: "not run" if a is None else f"{a:,.0f} B")(
                         run.alloc("Log4j2Benchmark.info", {"loggers": "async"}, "buffered", "thrpt", threads)),
                     verdict(beyond, 24, higher_is_better=False)])
    return rows


def latency_rows(run, threads=2):
    peers = [(run.p99(name, params, flush, "sample", threads), f"{label} ({flush})")
             for label, name, params in ASYNC_PEERS for flush in ("buffered", "durable")]
    measured = [p for p in peers if p[0] is not None]
    best = min(measured, key=lambda pair: pair[0]) if measured else (None, "none")
    rows = []
    for manager in (JDK, JBOSS):
        ours = run.p99(f"LoghandlersQueueBenchmark.{METHOD[manager]}", {}, "", "sample", threads)
        met = None if ours is None or best[0] is None else ours < best[0]
        rows.append([f"Producer p99, queue on defaults, {manager}, {threads} threads: below the best peer's",
                     us(ours), f"{best[1]} {us(best[0])}",
                     "not measured" if met is None else ("yes" if met else "no")])
    return rows


def file_rows(run, threads=1):
    rows = []
    log4j2 = run.score("Log4j2Benchmark.info", {"loggers": "sync"}, "buffered", "thrpt", threads)
    raw = run.score("RawWriteBenchmark.preformattedLine", {}, "buffered", "thrpt", threads)
    log4j2_note = run.rounds_note("Log4j2Benchmark.info", {"loggers": "sync"}, "buffered", "thrpt", threads)
    raw_note = run.rounds_note("RawWriteBenchmark.preformattedLine", {}, "buffered", "thrpt", threads)
    for manager in (JDK, JBOSS):
        ours = run.score(f"LoghandlersBenchmark.{METHOD[manager]}", {"handler": "file"}, "buffered", "thrpt", threads)
        ours_note = run.rounds_note(f"LoghandlersBenchmark.{METHOD[manager]}", {"handler": "file"}, "buffered",
                                    "thrpt", threads)
        formatting = run.score(f"HandlerFloorBenchmark.{METHOD[manager]}", {"handler": "formatting"}, "", "thrpt",
                               threads)
        r = ratio(ours, log4j2)
        share = ratio(ours, raw)
        rows.append([f"Buffered FileHandler, {manager}, 1 thread: at least 1.2x Log4j2 RandomAccessFile; share of"
                     " the raw pre-formatted ceiling",
                     f"{m(ours)}{ours_note}; {share * 100:.0f} % of the raw ceiling {m(raw)}{raw_note}; formatting"
                     f" alone, no file: {m(formatting)}" if share else m(ours) + ours_note,
                     f"Log4j2 RandomAccessFile (buffered) {m(log4j2)}{log4j2_note}",
                     f"{verdict(r, 1.2)}: {r:.2f}x" if r else "not measured"])
    return rows


def render(results_dir, begin=BEGIN, end=END):
    run = Run(results_dir)
    threads = sorted({key[4] for key in run.results if key[4] is not None})
    rows = queue_rows(run) + [loss_row(run, threads)] + allocation_rows(run) + latency_rows(run) + file_rows(run)
    out = [begin, '[cols="3,3,3,1",options="header"]', "|===", "|Target |Measured |Beside it, same run |Met?", ""]
    for row in rows:
        out += ["|" + row[0], "|" + row[1], "|" + row[2], "|" + row[3], ""]
    out += ["|===", end]
    return "\n".join(out) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--results", required=True, help="a run.sh results directory")
    parser.add_argument("--doc", help="the AsciiDoc page to update; without it the table is printed")
    parser.add_argument("--section", default="targets",
                        help="the name in the page's '// NAME:begin' and '// NAME:end' lines (default: targets)")
    args = parser.parse_args()
    begin, end = f"// {args.section}:begin", f"// {args.section}:end"
    table = render(args.results, begin, end)
    if not args.doc:
        sys.stdout.write(table)
        return
    report.replace_section(args.doc, begin, end, table, "targets.py")

if __name__ == "__main__":
    main()
