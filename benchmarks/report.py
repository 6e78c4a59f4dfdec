#!/usr/bin/env python3
"""Turns a run.sh results directory (JMH JSON and logs) into the results section of docs/performance.adoc.

The section between the lines '// results:begin' and '// results:end' is replaced; the rest of the page is kept.
A scenario that ran but has no result (it failed, a delivery shortfall included) is shown as FAILED with the reason.
Network scenarios get a table of their own: beside the records sent per second, the share the loopback sink received,
read from the 'delivery:' line each of their iterations prints. So do the Kafka scenarios (every iteration's topic
read back by a consumer; a shortfall fails the benchmark).
"""
import argparse
import glob
import json
import os
import re
import sys

BEGIN = "// results:begin"
END = "// results:end"

# (benchmark, scenario parameters other than flush, label, flush shown when the scenario has no flush parameter),
# in table order; flush comes from the 'flush' parameter.
SCENARIOS = [
    ("RawWriteBenchmark.preformattedLine", {}, "Raw write of a pre-formatted line (the ceiling)", None),
    ("LoghandlersBenchmark.underJdkLogManager", {"handler": "file"},
     "*loghandlers* FileHandler, JDK LogManager", None),
    ("LoghandlersBenchmark.underJbossLogManager", {"handler": "file"},
     "*loghandlers* FileHandler, JBoss LogManager", None),
    ("LoghandlersBenchmark.underJdkLogManager", {"handler": "rotating"},
     "*loghandlers* RotatingFileHandler (10 MB), JDK LogManager", None),
    ("LoghandlersBenchmark.underJbossLogManager", {"handler": "rotating"},
     "*loghandlers* RotatingFileHandler (10 MB), JBoss LogManager", None),
    ("LoghandlersQueueBenchmark.underJdkLogManager", {},
     "*loghandlers* QueueHandler -> FileHandler, both on their defaults, JDK LogManager", "batch"),
    ("LoghandlersQueueBenchmark.underJbossLogManager", {},
     "*loghandlers* QueueHandler -> FileHandler, both on their defaults, JBoss LogManager", "batch"),
    ("LoghandlersCdiDefaultsBenchmark.underJdkLogManager", {},
     "*loghandlers* queue -> file from microprofile-config.properties (defaults but the format), Weld SE,"
     " JDK LogManager", "batch"),
    ("LoghandlersCdiDefaultsBenchmark.underJbossLogManager", {},
     "*loghandlers* queue -> file from microprofile-config.properties (defaults but the format), Weld SE,"
     " JBoss LogManager", "batch"),
    ("JulFileHandlerBenchmark.info", {}, "JUL FileHandler", None),
    ("JbossLogManagerBenchmark.info", {"handler": "file"}, "JBoss LogManager FileHandler", None),
    ("JbossLogManagerBenchmark.info", {"handler": "async"},
     "JBoss LogManager AsyncHandler(512, BLOCK) -> FileHandler", None),
    ("LogbackBenchmark.info", {"appender": "file"}, "Logback FileAppender", None),
    ("LogbackBenchmark.info", {"appender": "async"},
     "Logback AsyncAppender(256, discardingThreshold=0) -> FileAppender", None),
    ("Log4j2Benchmark.info", {"loggers": "sync"}, "Log4j2 RandomAccessFile", None),
    ("Log4j2Benchmark.info", {"loggers": "async"},
     "Log4j2 all-async loggers (Disruptor 3.4.4) -> RandomAccessFile", None),
    ("HandlerFloorBenchmark.underJdkLogManager", {"handler": "counting"},
     "Floor: a handler that only counts the records (the logger's own cost), JDK LogManager", None),
    ("HandlerFloorBenchmark.underJbossLogManager", {"handler": "counting"},
     "Floor: a handler that only counts the records (the logger's own cost), JBoss LogManager", None),
    ("HandlerFloorBenchmark.underJdkLogManager", {"handler": "formatting"},
     "Floor: our PythonFormatter into a reused builder, nothing written, JDK LogManager", None),
    ("HandlerFloorBenchmark.underJbossLogManager", {"handler": "formatting"},
     "Floor: our PythonFormatter into a reused builder, nothing written, JBoss LogManager", None),
    ("BelowLevelBenchmark.underJdkLogManager", {}, "Call below the level (fine at INFO), JDK LogManager", None),
    ("BelowLevelBenchmark.underJbossLogManager", {}, "Call below the level (fine at INFO), JBoss LogManager", None),
]
FLUSH_ORDER = {"durable": 0, "buffered": 1, "": 2}

# (benchmark, parameters, library, handler or appender, transport, format, mode), in table order.
OURS = "LoghandlersNetworkBenchmark.underJdkLogManager"
NETWORK = [
    (OURS, {"target": target, "mode": mode}, "*loghandlers*", handler, transport, wire_format, mode)
    for mode in ("direct", "queued")
    for target, handler, transport, wire_format in [
        ("socket-pickle", "SocketHandler", "TCP", "pickle, length-prefixed (Python's)"),
        ("socket-json", "SocketHandler", "TCP", "JSON lines"),
        ("datagram-pickle", "DatagramHandler", "UDP", "pickle, length-prefixed (Python's)"),
        ("syslog-udp-5424", "SysLogHandler", "UDP", "RFC 5424"),
        ("syslog-tcp-5424", "SysLogHandler", "TCP", "RFC 5424, octet-counted"),
    ]
] + [
    ("Log4j2NetworkBenchmark.info", {"target": target}, "Log4j2", appender, transport, wire_format, "direct")
    for target, appender, transport, wire_format in [
        ("socket-json", "Socket", "TCP", "JSON lines (JsonTemplateLayout)"),
        ("syslog-udp-5424", "Syslog", "UDP", "RFC 5424"),
        ("syslog-tcp-5424", "Syslog", "TCP", "RFC 5424, newline-framed"),
        ("syslog-udp-bsd", "Syslog", "UDP", "BSD"),
        ("syslog-tcp-bsd", "Syslog", "TCP", "BSD, newline-framed"),
    ]
] + [
    ("LogbackNetworkBenchmark.info", {"target": "syslog-udp-bsd"}, "Logback", "SyslogAppender", "UDP", "BSD", "direct"),
]
# (benchmark, parameters, library, handler or appender, producer settings, format, mode), in table order.
KAFKA = [
    ("LoghandlersKafkaBenchmark.underJdkLogManager", {"mode": mode}, "*loghandlers*", "KafkaHandler",
     "its defaults: acks=all, idempotence, linger.ms=20, batch.size=64 KiB, gzip, max-block 100 ms",
     "JSON (JsonFormatter)", label)
    for mode, label in [("direct", "direct"), ("queued", "queued (QueueHandler on its defaults in front)")]
] + [
    ("Log4j2KafkaBenchmark.info", {"syncSend": sync}, "Log4j2", "Kafka appender",
     "its defaults: batch.size=0 (no batching), acks=all, idempotence, linger.ms=5, no compression",
     "JSON (JsonTemplateLayout)", label)
    for sync, label in [("true", "syncSend=true (its default: each call waits for the broker's ack)"),
                        ("false", "syncSend=false")]
]
DELIVERY_LINE = re.compile(r"delivery: .*, measurement iteration \d+: calls (\d+), received (\d+),")
# A Kafka scenario's line ends with what its read-back consumer allocated in the benchmark's JVM, which JMH's gc
# profiler counts with the iteration; the Kafka table takes it off the bytes per record.
READBACK = re.compile(r"delivery: .*, measurement iteration \d+: .* read back by a consumer allocating (\d+) bytes")


def short_name(benchmark):
    return ".".join(benchmark.split(".")[-2:])


def scenario_of(name, params):
    """(name, scenario parameters as a sorted tuple, flush): what one row of the tables is."""
    others = tuple(sorted((k, v) for k, v in params.items() if k != "flush"))
    return name, others, params.get("flush", "")


def load_results(results):
    """{(name, scenario parameters, flush, mode, threads): entry} from every JMH JSON file of the run."""
    return dict(load_entries(sorted(glob.glob(os.path.join(results, "*.json")))))


def load_entries(paths):
    """(key, entry) for every JMH result in the JSON files at paths, in order; key as in load_results."""
    for path in paths:
        with open(path, encoding="utf-8") as f:
            text = f.read().strip()
        if not text:
            continue
        for entry in json.loads(text):
            yield (scenario_of(short_name(entry["benchmark"]), entry.get("params", {}))
                   + (entry["mode"], entry["threads"])), entry


def load_failures(results):
    """{(name, scenario parameters, flush, mode, threads): reason} for every benchmark whose log shows a <failure>."""
    return read_logs(results)[0]


def load_deliveries(results):
    """{(name, scenario parameters, flush, mode, threads): (calls, received)} summed over measured iterations."""
    return read_logs(results)[1]


def load_readbacks(results):
    """{(name, scenario parameters, flush, mode, threads): bytes} the Kafka read-backs of measured iterations
    allocated."""
    return read_logs(results)[2]


def read_logs(results):
    """The failures, the network and Kafka deliveries, and the Kafka read-backs' allocation every JMH log of the run
    shows."""
    failures = {}
    deliveries = {}
    readbacks = {}
    for path in sorted(glob.glob(os.path.join(results, "*.log"))):
        mode = "sample" if os.path.basename(path).startswith("sample") else "thrpt"
        benchmark, params, threads, reason = None, {}, None, None
        with open(path, encoding="utf-8", errors="replace") as f:
            lines = f.read().splitlines()
        for i, line in enumerate(lines):
            if line.startswith("# Benchmark: "):
                benchmark = short_name(line[len("# Benchmark: "):].strip())
                params = {}
            elif line.startswith("# Threads: "):
                threads = int(line.split()[2])
            elif line.startswith("# Parameters: "):
                params = dict(re.findall(r"(\w+) = ([^,)]+)", line))
            elif "<failure>" in line and benchmark:
                reason = "failed"
                for following in lines[i + 1:i + 40]:
                    if "Exception" in following or "Error" in following:
                        reason = following.strip()
                        break
                failures[scenario_of(benchmark, params) + (mode, threads)] = reason
            delivered = DELIVERY_LINE.search(line)
            if delivered and benchmark:
                key = scenario_of(benchmark, params) + (mode, threads)
                calls, received = deliveries.get(key, (0, 0))
                deliveries[key] = (calls + int(delivered.group(1)), received + int(delivered.group(2)))
            readback = READBACK.search(line)
            if readback and benchmark:
                key = scenario_of(benchmark, params) + (mode, threads)
                readbacks[key] = readbacks.get(key, 0) + int(readback.group(1))
    return failures, deliveries, readbacks


def millions(ops):
    m = ops / 1e6
    if m >= 100:
        return f"{m:,.0f}M"
    return f"{m:.2f}M"


def throughput_cell(entry):
    """Millions of records per second with JMH's error; below 100,000 a second (the Kafka rows, some network
    rows) thousands, below 1,000 the records themselves, so that the figure keeps its digits."""
    metric = entry["primaryMetric"]
    error = metric.get("scoreError")
    score = metric["score"]
    scale, unit, digits = (1, "", 0) if score < 1e3 else (1e3, "k", 1) if score < 1e5 else (1e6, None, 2)
    text = millions(score) if unit is None else f"{score / scale:,.{digits}f}{unit}"
    if isinstance(error, (int, float)) and error == error and error > 0:
        text += f" ±{error / scale:,.{digits}f}"
    return text


def allocation_cell(entry):
    gc = entry.get("secondaryMetrics", {}).get("gc.alloc.rate.norm")
    if not gc:
        return "-"
    return f"{gc['score']:,.0f}"


def kafka_allocation_cell(entry, delivery, readback):
    """Bytes allocated per record without what the read-back consumer allocated (measured iterations' calls)."""
    gc = entry.get("secondaryMetrics", {}).get("gc.alloc.rate.norm")
    if not gc:
        return "-"
    if not delivery or not delivery[0] or readback is None:
        return f"{gc['score']:,.0f} (read-back included)"
    return f"{max(0.0, gc['score'] - readback / delivery[0]):,.0f}"


def percentile(entry, p):
    value = entry["primaryMetric"].get("scorePercentiles", {}).get(p)
    if value is None:
        return "-"
    return f"{value:,.2f}" if value < 10 else f"{value:,.0f}"


def is_network(name):
    return name.split(".")[0].endswith("NetworkBenchmark")


def is_kafka(name):
    return name.split(".")[0].endswith("KafkaBenchmark")


def category(name):
    """Which table a benchmark's rows go to: 'kafka', 'network' or 'file'."""
    if is_kafka(name):
        return "kafka"
    return "network" if is_network(name) else "file"


def network_label(row):
    """'library handler, transport, format, mode' for a network row; its key for one not in NETWORK."""
    for name, params, library, handler, transport, wire_format, mode in NETWORK:
        if (name, tuple(sorted(params.items()))) == row[:2]:
            return f"{library} {handler}, {transport}, {wire_format}, {mode}"
    return row[0] + "".join(f" {k}={v}" for k, v in row[1])


def kafka_label(row):
    """'library handler, format, mode' for a Kafka row; its key for one not in KAFKA."""
    for name, params, library, handler, _, wire_format, mode in KAFKA:
        if (name, tuple(sorted(params.items()))) == row[:2]:
            return f"{library} {handler} to Kafka, {wire_format}, {mode}"
    return row[0] + "".join(f" {k}={v}" for k, v in row[1])


def kafka_columns(row):
    """Library, handler or appender, producer settings, format and mode of a Kafka row (its key when not in
    KAFKA)."""
    for name, params, library, handler, settings, wire_format, mode in KAFKA:
        if (name, tuple(sorted(params.items()))) == row[:2]:
            return [library, handler, settings, wire_format, mode]
    return [row[0], "".join(f" {k}={v}" for k, v in row[1]).strip(), "-", "-", "-"]


def rows_of(results, failures, network=False, kafka=False):
    """(row key, label, flush text) in table order; scenarios not in SCENARIOS come last, named by their key. Only
    the network scenarios with network=True, only the Kafka ones with kafka=True, only the others without."""
    wanted = "kafka" if kafka else "network" if network else "file"
    rows = {key[:3] for key in list(results) + list(failures) if category(key[0]) == wanted}
    table = KAFKA if kafka else NETWORK if network else SCENARIOS
    known = [(entry[0], tuple(sorted(entry[1].items()))) for entry in table]

    def order(row):
        scenario = row[:2]
        return (known.index(scenario) if scenario in known else len(known), row[0], row[1],
                FLUSH_ORDER.get(row[2], 3))

    if kafka:
        return [(row, kafka_label(row), "-") for row in sorted(rows, key=order)]
    if network:
        return [(row, network_label(row), "-") for row in sorted(rows, key=order)]
    out = []
    for row in sorted(rows, key=order):
        scenario = row[:2]
        if scenario in known:
            _, _, label, fixed_flush = SCENARIOS[known.index(scenario)]
        else:
            label = row[0] + "".join(f" {k}={v}" for k, v in row[1])
            fixed_flush = None
        out.append((row, label, row[2] or fixed_flush or "-"))
    return out


def network_cell(entry, delivery):
    """Records sent per second; where the sink received fewer (UDP), what was delivered and the share lost."""
    text = throughput_cell(entry)
    if not delivery or delivery[0] == 0:
        return text + " (no delivery count)"
    calls, received = delivery
    if received == calls:
        return text
    lost = 100.0 * (calls - received) / calls
    return f"{text}, {millions(entry['primaryMetric']['score'] * received / calls)} delivered ({lost:.2f} % lost)"


def network_columns(row):
    """Library, handler or appender, transport, format and mode of a network row (its key when not in NETWORK)."""
    for name, params, library, handler, transport, wire_format, mode in NETWORK:
        if (name, tuple(sorted(params.items()))) == row[:2]:
            return [library, handler, transport, wire_format, mode]
    return [row[0], "".join(f" {k}={v}" for k, v in row[1]).strip(), "-", "-", "-"]


def cell(results, failures, row, mode, threads, render):
    """The figure, or FAILED: a benchmark whose check failed mid-trial keeps the iterations before the failure in
    its JSON, which are shown beside FAILED but are not its figure."""
    entry = results.get(row + (mode, threads))
    failed = row + (mode, threads) in failures
    if entry and failed:
        count = len(entry["primaryMetric"].get("rawData", [[]])[0])
        return f"*FAILED* ({render(entry)} in the {count} iteration{'s' if count != 1 else ''} before)"
    if entry:
        return render(entry)
    if failed:
        return "*FAILED*"
    return "-"


def render(results_dir, label, note=None, begin=BEGIN, end=END):
    results = load_results(results_dir)
    failures = load_failures(results_dir)
    threads = sorted({key[4] for key in list(results) + list(failures) if key[4] is not None})
    sample_threads = sorted({key[4] for key in results if key[3] == "sample"})
    deliveries = load_deliveries(results_dir)
    readbacks = load_readbacks(results_dir)
    rows = rows_of(results, failures)
    network_rows = rows_of(results, failures, network=True)
    kafka_rows = rows_of(results, failures, kafka=True)
    env = ""
    env_path = os.path.join(results_dir, "environment.txt")
    if os.path.exists(env_path):
        with open(env_path, encoding="utf-8") as f:
            env = f.read().strip()

    out = [begin, f"=== {label}", ""]
    if note:
        out += [note, ""]
    if env:
        out += ["[listing]", "....", env, "....", ""]
    def columns(table_rows):
        """The thread counts a table's rows ran at, the first of them (for B/record), and their header cells."""
        keys = {row for row, _, _ in table_rows}
        counts = sorted({t for t in threads if any(k + ("thrpt", t) in results or k + ("thrpt", t) in failures
                                                  for k in keys)}) or threads
        first = counts[0] if counts else None
        at = f"at {first} thread{'s' if (first or 1) > 1 else ''}"
        return counts, first, at, " ".join(f"|{t} thread{'s' if t > 1 else ''}" for t in counts)

    if rows:
        threads_here, first, at_first, thread_headers = columns(rows)
        out += [".Throughput: records delivered per second (every iteration's lines counted), and bytes allocated "
                f"per record {at_first}",
                '[cols="<5,<1,' + ",".join([">2"] * len(threads_here)) + ',>1",options="header"]', "|===",
                "|Scenario |Flush " + thread_headers + " |B/record"]
        for row, title, flush in rows:
            cells = [cell(results, failures, row, "thrpt", t, throughput_cell) for t in threads_here]
            alloc = cell(results, failures, row, "thrpt", first, allocation_cell)
            out.append(f"|{title} |{flush} " + " ".join(f"|{c}" for c in cells) + f" |{alloc}")
        out += ["|===", ""]
    if network_rows:
        threads_here, first, at_first, thread_headers = columns(network_rows)
        out += [".Network, to a loopback sink: records sent per second; over UDP, also the records the sink received"
                " and the share lost (a TCP row delivered every record, or shows FAILED); bytes allocated per record "
                + at_first,
                '[cols="<2,<2,<1,<3,<1,' + ",".join([">3"] * len(threads_here)) + ',>1",options="header"]', "|===",
                "|Library |Handler or appender |Transport |Format |Mode " + thread_headers + " |B/record"]
        for row, _, _ in network_rows:
            cells = [cell(results, failures, row, "thrpt", t,
                          lambda e, t=t: network_cell(e, deliveries.get(row + ("thrpt", t)))) for t in threads_here]
            alloc = cell(results, failures, row, "thrpt", first, allocation_cell)
            out.append(" ".join(f"|{c}" for c in network_columns(row) + cells + [alloc]))
        out += ["|===", ""]
    if kafka_rows:
        threads_here, first, at_first, thread_headers = columns(kafka_rows)
        out += [".Kafka, to a single-node broker on loopback (KRaft, one partition, a fresh topic per iteration): "
                "logging calls per second, each iteration's topic read back by a consumer afterwards (a row "
                "delivered every record, or shows FAILED); bytes allocated per record in the sending JVM " + at_first
                + ", the read-back consumer's own allocation taken off",
                '[cols="<2,<2,<4,<2,<3,' + ",".join([">2"] * len(threads_here)) + ',>1",options="header"]', "|===",
                "|Library |Handler or appender |Producer settings |Format |Mode " + thread_headers + " |B/record"]
        for row, _, _ in kafka_rows:
            cells = [cell(results, failures, row, "thrpt", t,
                          lambda e, t=t: network_cell(e, deliveries.get(row + ("thrpt", t)))) for t in threads_here]
            key = row + ("thrpt", first)
            alloc = cell(results, failures, row, "thrpt", first,
                         lambda e: kafka_allocation_cell(e, deliveries.get(key), readbacks.get(key)))
            out.append(" ".join(f"|{c}" for c in kafka_columns(row) + cells + [alloc]))
        out += ["|===", ""]
    rows = rows + network_rows + kafka_rows
    if sample_threads:
        out += [".Producer latency of one call at saturation (`-bm sample`), microseconds: p50 / p99 / p99.99",
                '[cols="<5,<1,' + ",".join([">2"] * len(sample_threads)) + '",options="header"]', "|===",
                "|Scenario |Flush " + " ".join(f"|{t} thread{'s' if t > 1 else ''}" for t in sample_threads)]
        for row, title, flush in rows:
            if not any(row + ("sample", t) in results or row + ("sample", t) in failures for t in sample_threads):
                continue
            cells = [cell(results, failures, row, "sample", t,
                          lambda e: " / ".join(percentile(e, p) for p in ("50.0", "99.0", "99.99")))
                     for t in sample_threads]
            out.append(f"|{title} |{flush} " + " ".join(f"|{c}" for c in cells))
        out += ["|===", ""]
    failed = sorted(failures.items(), key=lambda kv: str(kv[0]))
    if failed:
        out += ["Failed benchmarks (no figure is shown for them):", ""]
        for (name, params, flush, mode, t), reason in failed:
            described = "".join(f" {k}={v}" for k, v in params)
            out.append(f"* `{name}`{described} flush={flush or '-'} {mode} {t} thread(s): `{reason}`")
        out.append("")
    out.append(end)
    return "\n".join(out) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--results", required=True, help="a run.sh results directory")
    parser.add_argument("--label", default="Results", help="the section's title")
    parser.add_argument("--note", help="a paragraph to put under the title (what kind of run this was)")
    parser.add_argument("--doc", help="the AsciiDoc page to update; without it the section is printed")
    parser.add_argument("--section", default="results",
                        help="the name in the page's '// NAME:begin' and '// NAME:end' lines (default: results)")
    args = parser.parse_args()
    begin, end = f"// {args.section}:begin", f"// {args.section}:end"
    section = render(args.results, args.label, args.note, begin, end)
    if not args.doc:
        sys.stdout.write(section)
        return
    replace_section(args.doc, begin, end, section, "report.py")


def replace_section(doc, begin, end, section, tool):
    """Puts section (which starts with begin and ends with end and a newline) in place of the page's old one."""
    with open(doc, encoding="utf-8") as f:
        page = f.read()
    if begin not in page or end not in page:
        sys.exit(f"{tool}: {doc} has no '{begin}' ... '{end}' section to replace")
    before = page[:page.index(begin)]
    after = page[page.index(end) + len(end):].lstrip("\n")
    with open(doc, "w", encoding="utf-8") as f:
        f.write(before + section + ("\n" + after if after else ""))


if __name__ == "__main__":
    main()
