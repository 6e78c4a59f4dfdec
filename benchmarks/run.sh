#!/usr/bin/env bash
# Runs the benchmark grid: our handlers beside the peers, same workload, every iteration's delivery checked.
#
#   benchmarks/run.sh            full grid (threads 1 2 4, throughput + allocation, then 3 target rounds, then
#                                latency); writes the results and targets sections of docs/performance.adoc. About
#                                2 hours 55 minutes on 2 cores (the target rounds 23 minutes of it), of which the
#                                network scenarios take about one hour (--include Network runs them alone, and
#                                --include '^(?!.*Network)' the rest). The Kafka scenarios (a real broker per
#                                trial, every iteration's topic read back by a consumer) take about 4 minutes per
#                                thread count, and a Kafka handler that loses records must then fail the check
#                                (about 20 s more); --include Kafka runs them alone.
#   benchmarks/run.sh --short    the same grid with 2 s iterations: a preliminary look, about 35 minutes (25 with
#                                --latency-threads 1). The page says which kind of run it shows.
#   benchmarks/run.sh --smoke    CI check, about 40 seconds: our file handler (buffered), queue and file on their
#                                defaults, the same from microprofile-config.properties on Weld SE, and a call below
#                                the level, under both LogManagers, and a queue in front of our socket handler to a
#                                loopback sink, 2 threads, delivery check on; then proof that the checks fail a file
#                                handler and a socket handler that lose records. Writes no doc. No Kafka scenario:
#                                a broker start is too slow for it.
#
# Options: --threads "1 2"   thread counts (default "1 2 4"; smoke: 2)
#          --include REGEX   JMH benchmark regex (default: every scenario)
#          --latency-threads "1"   thread counts of the -bm sample pass (default: those of --threads)
#          --network-threads "2"   thread counts of the network and Kafka scenarios' throughput pass (default: those
#                            of --threads); given, those scenarios get no -bm sample pass (it is the file and queue
#                            hand-off whose latency the targets are about), which saves about half an hour
#          --kafka-threads "1 2 4"  with --network-threads: the Kafka scenarios' own thread counts (default: those
#                            of --network-threads)
#          --target-rounds 3  rounds of the rows the throughput targets compare, after the grid (default 3 in a full
#                            grid, 0 otherwise): the queue at 2 producers beside Log4j2 all-async loggers (and the
#                            other async peers, the best one that lost nothing being shown too), the buffered
#                            file at 1 thread beside Log4j2's RandomAccessFile and the raw ceiling, each once a round,
#                            so that a slow spell of the machine falls on every library alike; targets.py answers those
#                            targets from the rounds' iterations pooled. About 7.5 minutes a round
#          --targets-only    only the target rounds (3 unless --target-rounds says), no grid: a check between grids;
#                            prints the targets' table and leaves docs/performance.adoc alone
#          --no-latency      skip the -bm sample pass
#          --no-doc          leave docs/performance.adoc alone
# Build first: ./mvnw -B -ntp -DskipTests package (./mvnw verify builds it too).
# Results: benchmarks/target/results/<mode>-<UTC time>/ (JMH JSON and logs). Exit status 1 if any benchmark failed,
# a delivery shortfall included.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
jar="$root/benchmarks/target/benchmarks.jar"
mode=full
note=""
threads=""
latency_threads=""
network_threads=""
kafka_threads=""
include='org\.loghandlers\.benchmarks\.[A-Za-z0-9]+Benchmark\.'
latency=yes
doc=yes
target_rounds=""
targets_only=no

while [ $# -gt 0 ]; do
  case "$1" in
    --smoke) mode=smoke ;;
    --short) mode=short ;;
    --threads) threads="$2"; shift ;;
    --latency-threads) latency_threads="$2"; shift ;;
    --network-threads) network_threads="$2"; shift ;;
    --kafka-threads) kafka_threads="$2"; shift ;;
    --include) include="$2"; shift ;;
    --no-latency) latency=no ;;
    --no-doc) doc=no ;;
    --target-rounds) target_rounds="$2"; shift ;;
    --targets-only) targets_only=yes ;;
    -h|--help) sed -n '2,/^# Build first/p' "$0"; exit 0 ;;
    *) echo "run.sh: unknown option '$1' (try --help)" >&2; exit 2 ;;
  esac
  shift
done

if [ ! -f "$jar" ]; then
  echo "run.sh: $jar is missing; build it with: ./mvnw -B -ntp -DskipTests package" >&2
  exit 2
fi

case "$mode" in
  full)  thrpt_opts=(-wi 2 -w 5s -i 5 -r 5s -f 1); sample_opts=(-wi 2 -w 5s -i 3 -r 5s -f 1)
         threads="${threads:-1 2 4}"; label="Full grid"
         note="Every figure is from one run on the machine described below; compare rows, not runs." ;;
  short) thrpt_opts=(-wi 1 -w 2s -i 2 -r 2s -f 1); sample_opts=(-wi 1 -w 2s -i 1 -r 2s -f 1)
         threads="${threads:-1 2 4}"; label="Short preliminary run (not a comparison)"
         note="Short iterations (2 s, one warm-up, one fork): enough to see that every scenario runs and delivers"
         note+=" every record, too short to rank the libraries. The full grid (benchmarks/run.sh without --short)"
         note+=" is the comparison." ;;
  smoke) thrpt_opts=(-wi 0 -i 1 -r 500ms -f 1 -foe true -p flush=buffered -p handler=file
                    -p target=socket-pickle -p mode=queued); threads="${threads:-2}"
         latency=no; doc=no
         include='org\.loghandlers\.benchmarks\.(Loghandlers|LoghandlersQueue|LoghandlersCdiDefaults|LoghandlersNetwork|BelowLevel)Benchmark\.' ;;
esac

if [ "$mode" = full ]; then
  target_rounds="${target_rounds:-3}"
else
  target_rounds="${target_rounds:-0}"
fi
if [ "$targets_only" = yes ]; then
  mode=targets; threads=""; network_threads=""; kafka_threads=""; latency=no; doc=no
  [ "$target_rounds" -gt 0 ] || target_rounds=3
fi

out="$root/benchmarks/target/results/$mode-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$out"
{
  echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "cpus: $(nproc)"
  echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "java: $(java -version 2>&1 | head -1)"
  echo "file system: $(df -T "${TMPDIR:-/tmp}" | awk 'NR==2 {print $2 " on " $1}') (${TMPDIR:-/tmp})"
  echo "throughput options: ${thrpt_opts[*]}"
  [ "$target_rounds" -gt 0 ] && echo "target rounds: $target_rounds, each: ${thrpt_opts[*]}"
  echo "threads: $threads${network_threads:+ (network scenarios: $network_threads; Kafka: ${kafka_threads:-$network_threads})}"
  [ "$latency" = yes ] && echo "latency options: -bm sample ${sample_opts[*]}, threads ${latency_threads:-$threads}${network_threads:+ (not the network and Kafka scenarios)}"
} > "$out/environment.txt"

failed=0
jmh() {
  local name="$1"; shift
  echo "== $name: java -jar benchmarks.jar $*" | tee -a "$out/commands.txt"
  if ! java -jar "$jar" "$@" -rf json -rff "$out/$name.json" > "$out/$name.log" 2>&1; then
    failed=1
  fi
  if grep -q '<failure>' "$out/$name.log"; then
    failed=1
    grep -B2 -A1 '<failure>' "$out/$name.log" | grep -v '^--$' | head -40 >&2 || true
    grep -h 'DeliveryCheckFailedException:' "$out/$name.log" >&2 || true
  fi
  grep -A100 '^Benchmark ' "$out/$name.log" || true
}

# With --network-threads the network and Kafka scenarios run apart; a name that does not contain one of their class
# names is excluded from that pass by the lookahead.
others=selftest
if [ -n "$network_threads" ]; then
  others='selftest|(Network|Kafka)Benchmark'
fi
for t in $threads; do
  jmh "thrpt-t$t" "$include" -e "$others" -t "$t" -bm thrpt -tu s -prof gc "${thrpt_opts[@]}"
done
for t in $network_threads; do
  jmh "thrpt-network-t$t" "$include" -e 'selftest|^(?!.*(Network|Kafka)Benchmark)' -t "$t" -bm thrpt -tu s -prof gc \
      "${thrpt_opts[@]}" ${kafka_threads:+-e KafkaBenchmark}
done
if [ -n "$network_threads" ]; then
  for t in $kafka_threads; do
    jmh "thrpt-kafka-t$t" "$include" -e 'selftest|^(?!.*KafkaBenchmark)' -t "$t" -bm thrpt -tu s -prof gc \
        "${thrpt_opts[@]}"
  done
fi
# The rows the throughput targets compare, again in rounds: a round runs each of them once, so a slow spell of the
# machine (on a 2-core VM an iteration of any of them varies by 1.5x) falls on ours and the peer's alike.
if [ "$target_rounds" -gt 0 ]; then
  mkdir -p "$out/targets"
  pkg='org\.loghandlers\.benchmarks\.'
  for round in $(seq 1 "$target_rounds"); do
    jmh "targets/round$round-queue" \
        "$pkg(LoghandlersQueueBenchmark|LoghandlersCdiDefaultsBenchmark|Log4j2Benchmark|LogbackBenchmark|JbossLogManagerBenchmark)\." \
        -p loggers=async -p appender=async -p handler=async -p flush=buffered -t 2 -bm thrpt -tu s "${thrpt_opts[@]}"
    jmh "targets/round$round-file" "$pkg(LoghandlersBenchmark|Log4j2Benchmark|RawWriteBenchmark)\." \
        -p handler=file -p loggers=sync -p flush=buffered -t 1 -bm thrpt -tu s "${thrpt_opts[@]}"
  done
fi

if [ "$latency" = yes ]; then
  for t in ${latency_threads:-$threads}; do
    jmh "sample-t$t" "$include" -e "$others|BelowLevel|HandlerFloor" -t "$t" -bm sample -tu us "${sample_opts[@]}"
  done
fi

# The checks must be able to fail: a handler that drops one record in a thousand has to fail the run.
selftest() {
  local selftest="$1" log="$2"; shift 2
  echo "== self-test: $selftest loses records and must fail the delivery check"
  if java -jar "$jar" "selftest\.$selftest" -t 2 -wi 0 -i 1 -f 1 -foe true "$@" > "$log" 2>&1 \
      || ! grep -q 'DeliveryCheckFailedException' "$log"; then
    echo "run.sh: the delivery check did not catch $selftest (see $log)" >&2
    failed=1
  else
    grep -h -m1 '^org.*DeliveryCheckFailedException:' "$log" | sed 's/^/   caught as expected: /'
  fi
}

if [ "$mode" = smoke ]; then
  # whether the lines are counted in its file or its frames at the loopback sink
  for selftest in LosingHandlerBenchmark LosingSocketHandlerBenchmark; do
    selftest "$selftest" "$out/selftest-$selftest.log" -r 500ms
  done
elif [ "$mode" != targets ] && java -jar "$jar" -l "$include" -e selftest 2>/dev/null | grep -q 'KafkaBenchmark'; then
  # the records a consumer reads back from the topic (about 20 s: a broker start); the log stays out of the
  # results directory's *.log, which report.py reads
  mkdir -p "$out/selftest"
  selftest LosingKafkaHandlerBenchmark "$out/selftest/LosingKafkaHandlerBenchmark.log" -r 2s
fi

echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$out/environment.txt"

if [ "$doc" = yes ]; then
  python3 "$root/benchmarks/report.py" --results "$out" --label "$label" --note "$note" \
      --doc "$root/docs/performance.adoc"
  python3 "$root/benchmarks/targets.py" --results "$out" --doc "$root/docs/performance.adoc"
  echo "== results and the targets' table written to docs/performance.adoc"
fi
if [ "$mode" = targets ]; then
  python3 "$root/benchmarks/targets.py" --results "$out"
fi
echo "== JMH output: $out"
if [ "$failed" -ne 0 ]; then
  echo "run.sh: FAILED: at least one benchmark failed (a delivery shortfall counts as a failure); see the logs above" >&2
  exit 1
fi
