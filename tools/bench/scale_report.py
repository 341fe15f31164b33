#!/usr/bin/env python3
"""Reads SCALE_DIR/N/results.json for each size, prints the scale table, writes
SCALE_DIR/scale.json and SCALE_DIR/scale.svg (three small line charts, drawn as plain SVG so no
plotting package is needed).

  scale_report.py SCALE_DIR N...
"""
import json
import sys

COLUMNS = [
    ("docs", "docs"), ("index_docs_per_s", "index docs/s"), ("index_cpu_ms", "index CPU ms/doc"),
    ("index_peak_rss_mb", "indexer MB"),
    ("compact_ratio", "index/text"), ("p50_ms", "p50 ms"), ("p99_ms", "p99 ms"),
    ("qps_1", "req/s 1c"), ("qps_2", "req/s 2c"), ("api_cpu_ms", "API CPU ms/req"),
    ("searchd_rss_mb", "searchd MB"),
]


def row_for(results):
    jil = results["jil"]
    searchd = results.get("searchd", {})
    cpu = results.get("measured_here", {}).get("cpu_per_request", {}).get("api", {})
    return {
        "docs": results["corpus"]["docs"],
        "index_docs_per_s": jil.get("docs_per_s"),
        "index_cpu_ms": jil.get("index_cpu_ms_per_doc"),
        "index_peak_rss_mb": jil.get("index_peak_rss_mb"),
        "compact_ratio": jil.get("compact_ratio"),
        "p50_ms": jil.get("p50_ms"),
        "p99_ms": jil.get("p99_ms"),
        "qps_1": jil.get("qps_1"),
        "qps_2": jil.get("qps_2"),
        "api_cpu_ms": cpu.get("cpu_ms_per_request"),
        "searchd_rss_mb": round(searchd.get("rss_end_kb", 0) / 1024, 1),
    }


def chart(x0, title, rows, series, width=300, height=200):
    """One line chart at horizontal offset x0: x = docs (log-free, linear), y = the series."""
    pad = 40
    xs = [r["docs"] for r in rows]
    ys = [r[k] or 0 for r in rows for k, _ in series]
    xmax, ymax = max(xs) or 1, (max(ys) or 1) * 1.1
    out = [f'<g transform="translate({x0},0)">',
           f'<text x="{pad}" y="15" font-size="12">{title}</text>',
           f'<line x1="{pad}" y1="{height - pad}" x2="{width - 10}" y2="{height - pad}" stroke="black"/>',
           f'<line x1="{pad}" y1="25" x2="{pad}" y2="{height - pad}" stroke="black"/>',
           f'<text x="{pad}" y="{height - pad + 15}" font-size="10">0</text>',
           f'<text x="{width - 60}" y="{height - pad + 15}" font-size="10">{xmax} docs</text>',
           f'<text x="2" y="30" font-size="10">{ymax:,.0f}</text>' if ymax >= 100 else
           f'<text x="2" y="30" font-size="10">{ymax:.3g}</text>']
    colours = ["#1f77b4", "#d62728", "#2ca02c"]
    for index, (key, label) in enumerate(series):
        points = []
        for r in rows:
            x = pad + (width - 10 - pad) * r["docs"] / xmax
            y = (height - pad) - (height - pad - 25) * (r[key] or 0) / ymax
            points.append(f"{x:.1f},{y:.1f}")
            out.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3" fill="{colours[index]}"/>')
        out.append(f'<polyline points="{" ".join(points)}" fill="none" stroke="{colours[index]}"/>')
        out.append(f'<text x="{pad + 5}" y="{height - 5 - 12 * index}" font-size="10" '
                   f'fill="{colours[index]}">{label}</text>')
    out.append("</g>")
    return "\n".join(out)


def main():
    scale_dir, sizes = sys.argv[1], sys.argv[2:]
    rows = []
    for n in sizes:
        with open(f"{scale_dir}/{n}/results.json", encoding="utf-8") as f:
            rows.append(row_for(json.load(f)))
    print(" | ".join(label for _, label in COLUMNS))
    for r in rows:
        print(" | ".join(str(r[key]) for key, _ in COLUMNS))
    with open(f"{scale_dir}/scale.json", "w", encoding="utf-8") as f:
        json.dump(rows, f, indent=1)
    svg = ['<svg xmlns="http://www.w3.org/2000/svg" width="920" height="200" font-family="sans-serif">',
           chart(0, "indexing (docs/s)", rows, [("index_docs_per_s", "docs/s")]),
           chart(310, "query latency (ms)", rows, [("p50_ms", "p50"), ("p99_ms", "p99")]),
           chart(620, "memory (MB)", rows, [("index_peak_rss_mb", "indexer peak"),
                                            ("searchd_rss_mb", "searchd")]),
           "</svg>"]
    with open(f"{scale_dir}/scale.svg", "w", encoding="utf-8") as f:
        f.write("\n".join(svg) + "\n")
    print(f"wrote {scale_dir}/scale.json and {scale_dir}/scale.svg")


if __name__ == "__main__":
    main()
