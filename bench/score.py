"""Gold scores of the extraction: the seeds, and the development set when its texts are in .devset/.

Each set is ingested into a new temporary knowledge base, exported as JSON and scored with
../shared/tools/score_gold.py against its gold annotations, as the hook before a stop does.

    python bench/score.py                      # both summary lines (the `make score` target)
    python bench/score.py --rows               # and one row per document
    python bench/score.py --set dev --keep /tmp/dev-kb   # only the development set; keep its knowledge base

The development set's texts are other people's articles: they are re-created into the git-ignored
.devset/ as ../shared/devset/README.md says, never copied into the repository.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
BIOHUB = [sys.executable, "-m", "biohub_cli"]


def score_set(name: str, texts: Path, gold: Path, scorer: Path, *, rows: bool, keep: Path | None) -> str:
    """The scorer's output for one set: every row with `rows`, else its summary line."""
    work = Path(tempfile.mkdtemp(prefix=f"biohub-score-{name}-"))
    kb = keep if keep is not None else work / "kb"
    try:
        if keep is not None and keep.exists():
            shutil.rmtree(keep)
        kb.mkdir(parents=True)
        subprocess.run([*BIOHUB, "--kb", str(kb), "init", str(kb)], check=True, capture_output=True)
        ingest = subprocess.run([*BIOHUB, "--kb", str(kb), "ingest", str(texts)], capture_output=True, text=True)
        if ingest.returncode not in (0, 1):
            return f"{name}: ingest failed ({ingest.returncode}): {ingest.stderr.strip()[-400:]}"
        export = work / "export.json"
        with export.open("w", encoding="utf-8") as out:
            subprocess.run([*BIOHUB, "--kb", str(kb), "export", "--format", "json"], stdout=out, check=True)
        result = subprocess.run([sys.executable, str(scorer), "--export", str(export), "--gold", str(gold)],
                                capture_output=True, text=True, check=True).stdout.rstrip("\n")
        return result if rows else result.splitlines()[-1]
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared", help="the shared folder")
    parser.add_argument("--devset", type=Path, default=REPO / ".devset", help="the development set's texts")
    parser.add_argument("--set", choices=("seeds", "dev", "both"), default="both")
    parser.add_argument("--rows", action="store_true", help="print the scorer's row per document")
    parser.add_argument("--keep", type=Path, help="keep the (last) knowledge base here")
    args = parser.parse_args(argv)
    scorer = args.shared / "tools" / "score_gold.py"
    if not scorer.is_file():
        print(f"no {scorer} here; nothing to score")
        return 0
    sets = []
    if args.set in ("seeds", "both") and (args.shared / "seeds").is_dir():
        sets.append(("seeds", args.shared / "seeds", args.shared / "gold"))
    if args.set in ("dev", "both"):
        gold = args.shared / "devset" / "gold"
        texts = sorted(args.devset.glob("*.txt")) if args.devset.is_dir() else []
        if len(texts) < len(list(gold.glob("*.yaml"))):
            print(f"development set: {len(texts)} texts in {args.devset}; re-create them as "
                  f"{args.shared / 'devset' / 'README.md'} says to score real reporting")
        else:
            sets.append(("dev", args.devset, gold))
    for name, texts, gold in sets:
        label = "seeds (4 documents)" if name == "seeds" else "development set (69 real articles)"
        print(f"{label}:\n{score_set(name, texts, gold, scorer, rows=args.rows, keep=args.keep)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
