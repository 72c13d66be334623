"""Seconds to read each PDF of ../shared/samples (read_path: PDFium text in page order), best of N.

    python bench/pdf_read.py            # best of 5 runs, wall and CPU seconds
    python bench/pdf_read.py --runs 10

The 9-page press-release PDF took ~13.6 s to read with pdfplumber (issue 22); the target is under 1 s.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from biohub_cli.read import read_path

SAMPLES = Path(__file__).resolve().parents[2] / "shared" / "samples"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--samples", type=Path, default=SAMPLES)
    args = parser.parse_args()
    files = sorted(args.samples.glob("*.pdf"))
    if not files:
        print(f"no PDF in {args.samples}")
        return
    read_path(files[0])  # PDFium loads once per process
    for path in files:
        walls, cpus = [], []
        for _ in range(args.runs):
            wall, cpu = time.perf_counter(), time.process_time()
            doc = read_path(path)
            walls.append(time.perf_counter() - wall)
            cpus.append(time.process_time() - cpu)
        print(f"{path.name:48} {min(walls):6.3f} s wall  {min(cpus):6.3f} s CPU  {len(doc.text):7,} characters")


if __name__ == "__main__":
    main()
