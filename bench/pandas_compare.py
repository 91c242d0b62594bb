#!/usr/bin/env python3
"""The analytics bench's Pareto and RFM work done in pandas and in loyalty-kit on the same data.

loyalty-kit's RFM is timed in its columnar form and on the same purchases as objects with numbers,
each against pandas on the same numbers; and on the same purchases as strings read from a file
("c123", an ISO instant, "12.34"), against pandas parsing the same strings (to_datetime, to_numeric)
before the same RFM.

Prints both times and our time over theirs (< 1 means loyalty-kit is faster). Run from the repository
root after `npm run build`:  python3 bench/pandas_compare.py   (or `npm run bench:pandas`).

pandas is optional: without it this prints how to get it and exits 0. On Debian/Ubuntu,
`apt-get install python3-pandas` installs it into the system interpreter /usr/bin/python3, which may
not be the first python3 on PATH (pyenv, venvs); this script switches to it when it has pandas.
"""
import json
import os
import subprocess
import sys
import tempfile
import time

SYSTEM_PYTHON = "/usr/bin/python3"

try:
    import numpy as np
    import pandas as pd
except ImportError:
    if os.path.realpath(sys.executable) != os.path.realpath(SYSTEM_PYTHON) and os.path.exists(SYSTEM_PYTHON):
        probe = subprocess.run([SYSTEM_PYTHON, "-c", "import pandas"], capture_output=True)
        if probe.returncode == 0:
            os.execv(SYSTEM_PYTHON, [SYSTEM_PYTHON] + sys.argv)
    print("pandas is not available to this python3, so there is nothing to compare against.")
    print("Get it with:  apt-get install python3-pandas   (Debian/Ubuntu; installs into /usr/bin/python3)")
    print("         or:  python3 -m pip install pandas   (into the python3 you run this with)")
    sys.exit(0)

DAY_MS = 86_400_000
N_VALUES = 1_000_000
N_TX = 10_000_000
N_CUSTOMERS = 1_000_000
START_MS = 1_704_067_200_000  # 2024-01-01T00:00:00Z
END_DAY = (1_751_328_000_000 - 1) // DAY_MS  # the day of 2025-06-30 (observationEnd "2025-06-30")
RUNS = 3


def best_of(fn, runs=RUNS):
    """Best wall time and best CPU time (ms) of `runs` calls: on a shared machine CPU time is steadier."""
    best = float("inf")
    best_cpu = float("inf")
    result = None
    for _ in range(runs):
        c0 = time.process_time()
        t0 = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - t0)
        best_cpu = min(best_cpu, time.process_time() - c0)
    return best * 1000, best_cpu * 1000, result


def pandas_pareto(values):
    s = pd.Series(values).sort_values(ascending=False, ignore_index=True)
    cum = s.cumsum()
    total = cum.iloc[-1]
    k = int(np.ceil(0.2 * len(s) - 1e-9))
    top_share = cum.iloc[k - 1] / total
    needed = int((cum < 0.8 * total * (1 - 1e-12)).sum()) + 1
    return top_share, needed


def pandas_rfm(ids, at, values):
    # lifetimes' summary_data_from_transaction_data(freq="D", freq_multiplier=7), vectorised.
    df = pd.DataFrame({"id": ids, "day": at // DAY_MS, "value": values})
    per_day = df.groupby(["id", "day"], sort=True)["value"].sum().reset_index()
    first = ~per_day["id"].duplicated()
    g = per_day.groupby("id", sort=True)["day"]
    summary = pd.DataFrame({"first": g.min(), "last": g.max(), "days": g.size()})
    repeat = per_day[~first].groupby("id")["value"].mean()
    summary["frequency"] = summary["days"] - 1
    summary["recency"] = (summary["last"] - summary["first"]) / 7
    summary["T"] = (END_DAY - summary["first"]) / 7
    summary["monetary"] = repeat.reindex(summary.index).fillna(0)
    return summary


ISO_FORMAT = "%Y-%m-%dT%H:%M:%S.%fZ"


def pandas_rfm_from_strings(ids, at, values):
    # The same purchases as read from a file (string ids, ISO instants, decimal strings in object
    # columns, as pandas.read_csv gives them without converters): parse, then the same RFM as above.
    at_ms = pd.to_datetime(at, format=ISO_FORMAT).to_numpy().astype("int64") // 1_000_000
    return pandas_rfm(ids, at_ms, pd.to_numeric(values).to_numpy())


NODE = r"""
import { readFileSync } from "node:fs";
import { pareto, paretoShareFor, rfmSummary } from "loyalty-kit";
const dir = process.argv[1];
const f64 = (name) => { const b = readFileSync(`${dir}/${name}`); return new Float64Array(b.buffer, b.byteOffset, b.byteLength / 8); };
const i32 = (name) => { const b = readFileSync(`${dir}/${name}`); return new Int32Array(b.buffer, b.byteOffset, b.byteLength / 4); };
const values = f64("values.bin"), ids = i32("ids.bin"), at = f64("at.bin"), tx = f64("tx_values.bin");
const best = (fn, runs) => {
  let b = Infinity, c = Infinity, r;
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage(); const t0 = performance.now();
    r = fn();
    b = Math.min(b, performance.now() - t0);
    const u = process.cpuUsage(c0); c = Math.min(c, (u.user + u.system) / 1000);
  }
  return [b, c, r];
};
// One sort serves both questions (sorted input is not sorted again), as pandas sorts once for both.
const [tp, cp, p] = best(() => { const sorted = values.slice().sort(); return [pareto(sorted, { topShare: 0.2 }).valueShare, paretoShareFor(sorted, { valueShare: 0.8 }).count]; }, 3 + 1);
const [tr, cr, rows] = best(() => rfmSummary({ customerId: ids, at, value: tx }, { observationEnd: "2025-06-30", period: "week" }), 3);
const frequencySum = (rs) => rs.reduce((s, r) => s + r.frequency, 0);
// The object path on the same purchases: objects built from the columns (not timed), once with
// numbers and once as read from a file (string ids, ISO instants, decimal strings). One run each.
const objectRun = (make) => {
  let txs = Array.from({ length: ids.length }, (_, i) => make(i));
  const [t, c, rs] = best(() => rfmSummary(txs, { observationEnd: "2025-06-30", period: "week" }), 1);
  txs = undefined;
  return { t, c, customers: rs.length, frequencySum: frequencySum(rs) };
};
const objNumbers = objectRun((i) => ({ customerId: ids[i], at: at[i], value: tx[i] }));
const objStrings = objectRun((i) => ({ customerId: `c${ids[i]}`, at: new Date(at[i]).toISOString(), value: tx[i].toFixed(2) }));
console.log(JSON.stringify({ pareto: tp, paretoCpu: cp, topShare: p[0], needed: p[1], rfm: tr, rfmCpu: cr, customers: rows.length, frequencySum: frequencySum(rows), objNumbers, objStrings }));
"""


def main():
    rng = np.random.default_rng(42)
    values = np.round(np.exp(rng.normal(3, 1.2, N_VALUES)) * 100) / 100
    ids = rng.integers(0, N_CUSTOMERS, N_TX, dtype=np.int32)
    at = START_MS + np.floor(np.arange(N_TX) / N_TX * 545 * DAY_MS)
    tx_values = np.round(rng.random(N_TX) * 20000) / 100

    t_pareto, c_pareto, (top_share, needed) = best_of(lambda: pandas_pareto(values))
    t_rfm, c_rfm, summary = best_of(lambda: pandas_rfm(ids, at, tx_values), runs=1)  # ~10-30 s a run
    # The strings the object path's string run gets ("c123", "2024-01-01T00:00:00.000Z", "12.34"),
    # built before timing, as object columns; pandas parses them inside the timed call.
    ids_s = pd.Series(np.char.add("c", ids.astype("U7")), dtype=object)
    at_s = pd.Series(np.char.add(np.datetime_as_string(at.astype("int64").astype("datetime64[ms]"), unit="ms"), "Z"), dtype=object)
    values_s = pd.Series(np.char.mod("%.2f", tx_values), dtype=object)
    t_rfm_s, c_rfm_s, summary_s = best_of(lambda: pandas_rfm_from_strings(ids_s, at_s, values_s), runs=1)
    del ids_s, at_s, values_s
    assert len(summary_s) == len(summary) and int(summary_s["frequency"].sum()) == int(summary["frequency"].sum())

    with tempfile.TemporaryDirectory() as tmp:
        values.astype("<f8").tofile(os.path.join(tmp, "values.bin"))
        ids.astype("<i4").tofile(os.path.join(tmp, "ids.bin"))
        at.astype("<f8").tofile(os.path.join(tmp, "at.bin"))
        tx_values.astype("<f8").tofile(os.path.join(tmp, "tx_values.bin"))
        root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
        # Ten million purchase objects with string fields take about 2 GB of heap.
        out = subprocess.run(
            ["node", "--max-old-space-size=6144", "--input-type=module", "-e", NODE, tmp],
            cwd=root,
            capture_output=True,
            text=True,
        )
        if out.returncode != 0:
            print(out.stderr)
            print("loyalty-kit could not run: build it first (npm run build).")
            sys.exit(1)
        ours = json.loads(out.stdout.strip().splitlines()[-1])

    # The same answers, or the comparison means nothing.
    assert abs(ours["topShare"] - top_share) < 1e-9, (ours["topShare"], top_share)
    assert ours["needed"] == needed, (ours["needed"], needed)
    assert ours["customers"] == len(summary), (ours["customers"], len(summary))
    assert ours["frequencySum"] == int(summary["frequency"].sum())
    for form in ("objNumbers", "objStrings"):
        assert ours[form]["customers"] == len(summary), (form, ours[form]["customers"], len(summary))
        assert ours[form]["frequencySum"] == int(summary["frequency"].sum()), form

    print(f"pandas {pd.__version__}, numpy {np.__version__}; best of {RUNS} runs (pandas RFM: one run)")
    print(f"load average {' '.join(f'{x:.1f}' for x in os.getloadavg())} on {os.cpu_count()} cores (wall times include waiting for a core; CPU times do not)")
    print(f"Pareto (top 20 % share + share for 80 %) over {N_VALUES:,} values: loyalty-kit {ours['pareto']:.1f} ms (CPU {ours['paretoCpu']:.1f}), pandas {t_pareto:.1f} ms (CPU {c_pareto:.1f}); ours/theirs {ours['pareto'] / t_pareto:.2f} wall, {ours['paretoCpu'] / c_pareto:.2f} CPU")
    print(f"RFM summary over {N_TX:,} purchases of {N_CUSTOMERS:,} customers: loyalty-kit {ours['rfm']:.1f} ms (CPU {ours['rfmCpu']:.1f}), pandas {t_rfm:.1f} ms (CPU {c_rfm:.1f}); ours/theirs {ours['rfm'] / t_rfm:.2f} wall, {ours['rfmCpu'] / c_rfm:.2f} CPU")
    o = ours["objNumbers"]
    print(f"  the same purchases as objects (numbers): loyalty-kit {o['t']:.1f} ms (CPU {o['c']:.1f}), {N_TX / o['t'] / 1000:.2f}M purchases/s; ours/theirs {o['t'] / t_rfm:.2f} wall, {o['c'] / c_rfm:.2f} CPU")
    o = ours["objStrings"]
    print(f"  the same purchases as strings (\"c123\", ISO instant, \"12.34\"): loyalty-kit objects {o['t']:.1f} ms (CPU {o['c']:.1f}), {N_TX / o['t'] / 1000:.2f}M purchases/s; "
          f"pandas from the same strings (to_datetime, to_numeric, then the RFM above) {t_rfm_s:.1f} ms (CPU {c_rfm_s:.1f}); "
          f"ours/theirs {o['t'] / t_rfm_s:.2f} wall, {o['c'] / c_rfm_s:.2f} CPU (against pandas on numbers: {o['c'] / c_rfm:.2f} CPU)")


if __name__ == "__main__":
    main()
