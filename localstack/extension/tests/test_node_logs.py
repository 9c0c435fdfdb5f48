"""The invocation log as Lambda writes it for Node.js ("Working with Lambda function logs", "Using
Lambda advanced logging controls"): console lines with `timestamp\trequestId\tLEVEL\t`, direct writes
as they are, START/END/REPORT with Duration, Billed Duration, Memory Size, Max Memory Used and, on a
cold start, Init Duration; a timeout or a crash says so in its REPORT."""

from __future__ import annotations

import base64
import json
import math
import re
from collections.abc import Callable
from typing import Any

from conftest import Invoke

from ticket_localstack.node_logs import Usage, report_line

STAMP = r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z"
REPORT = re.compile(
    r"REPORT RequestId: (?P<id>[0-9a-f-]{36})\tDuration: (?P<duration>[\d.]+) ms\t"
    r"Billed Duration: (?P<billed>\d+) ms\tMemory Size: (?P<size>\d+) MB\tMax Memory Used: (?P<used>\d+) MB\t"
    r"(Init Duration: (?P<init>[\d.]+) ms\t)?(?P<rest>.*)$",
    re.M,
)


def tail(response: dict[str, Any]) -> str:
    return base64.b64decode(response["LogResult"]).decode()


def test_console_lines_carry_the_timestamp_request_id_and_level(
    make_function: Callable[..., str], invoke: Invoke
) -> None:
    name = make_function(
        "exports.handler = async () => { console.log('hello', { seat: 'C-7' }); console.warn('careful');"
        " console.error('failed:\\nsecond line'); console.debug('details');"
        " process.stdout.write('raw line\\n'); return 1; };"
    )
    log = tail(invoke(name)[0])
    request_id = re.search(r"START RequestId: (\S+) Version: \$LATEST", log)
    assert request_id
    rid = re.escape(request_id.group(1))
    assert re.search(rf"^{STAMP}\t{rid}\tINFO\thello {{ seat: 'C-7' }}$", log, re.M)
    assert re.search(rf"^{STAMP}\t{rid}\tWARN\tcareful$", log, re.M)
    assert re.search(rf"^{STAMP}\t{rid}\tERROR\tfailed:\rsecond line$", log, re.M)  # one log event
    assert re.search(rf"^{STAMP}\t{rid}\tDEBUG\tdetails$", log, re.M)
    assert re.search(r"^raw line$", log, re.M)  # a direct write is not formatted
    assert re.search(rf"^END RequestId: {rid}$", log, re.M)


def test_the_report_line_has_lambdas_figures_and_init_duration_on_a_cold_start_only(
    make_function: Callable[..., str], invoke: Invoke
) -> None:
    name = make_function(
        "const ballast = Buffer.alloc(40 * 1024 * 1024, 1); exports.handler = async () => ballast.length;",
        MemorySize=512,
    )
    cold = REPORT.search(tail(invoke(name)[0]))
    warm = REPORT.search(tail(invoke(name)[0]))
    assert cold and warm, "no REPORT line"
    assert cold["size"] == warm["size"] == "512"
    # The process's peak RSS: node's own (about 50 MB) and the 40 MB it holds, not LocalStack's.
    assert 40 <= int(cold["used"]) < 200
    assert cold["init"] is not None and float(cold["init"]) > 0
    assert warm["init"] is None
    # Lambda bills whole milliseconds, the INIT phase of a cold start included (since August 2025).
    assert int(cold["billed"]) == math.ceil(float(cold["duration"]) + float(cold["init"]))
    assert int(warm["billed"]) == max(1, math.ceil(float(warm["duration"])))


def test_a_timeout_and_a_crash_say_so_in_the_log(make_function: Callable[..., str], invoke: Invoke) -> None:
    name = make_function(
        "exports.handler = async (event) => { console.log('about to', event.how);"
        " if (event.how === 'crash') process.exit(7); for (;;) {} };",
        timeout=1,
    )
    timed_out = tail(invoke(name, {"how": "hang"})[0])
    assert "\tINFO\tabout to hang" in timed_out
    assert re.search(rf"^{STAMP} [0-9a-f-]{{36}} Task timed out after 1.00 seconds$", timed_out, re.M)
    report = REPORT.search(timed_out)
    assert report and report["rest"] == "Status: timeout\t"
    crashed = tail(invoke(name, {"how": "crash"})[0])
    assert "\tINFO\tabout to crash" in crashed
    assert re.search(
        r"^RequestId: [0-9a-f-]{36} Error: Runtime exited with error: exit status 7$", crashed, re.M
    )
    report = REPORT.search(crashed)
    assert report and report["rest"] == "Status: error\tError Type: Runtime.ExitError\t"


def test_json_log_format_and_level(make_function: Callable[..., str], invoke: Invoke) -> None:
    name = make_function(
        "exports.handler = async () => { console.info('quiet'); console.warn('loud', 1); return 1; };",
        LoggingConfig={"LogFormat": "JSON", "ApplicationLogLevel": "WARN"},
    )
    log = tail(invoke(name)[0])
    assert "quiet" not in log
    line = next(line for line in log.splitlines() if "loud" in line)
    record = json.loads(line)
    assert record["level"] == "WARN"
    assert record["message"] == "loud 1"
    assert re.fullmatch(r"[0-9a-f-]{36}", record["requestId"])
    assert re.fullmatch(STAMP, record["timestamp"])


def test_report_line_format() -> None:
    usage = Usage(duration_ms=12.341, memory_size_mb=128, max_memory_used_mb=67, init_duration_ms=150.5)
    assert report_line("r-1", usage) == (
        "REPORT RequestId: r-1\tDuration: 12.34 ms\tBilled Duration: 163 ms\tMemory Size: 128 MB\t"
        "Max Memory Used: 67 MB\tInit Duration: 150.50 ms\t\n"
    )
    crashed = Usage(0.2, 128, None, status="error", error_type="Runtime.ExitError")
    assert report_line("r-2", crashed) == (
        "REPORT RequestId: r-2\tDuration: 0.20 ms\tBilled Duration: 1 ms\tMemory Size: 128 MB\t"
        "Status: error\tError Type: Runtime.ExitError\t\n"
    )
