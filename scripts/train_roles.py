#!/usr/bin/env python
"""Train strife's role filler (who attacked whom) from MUC-4 train and write the shipped artifact.

    python scripts/train_roles.py              # writes src/strife/data/models/role_filler.json
    python scripts/train_roles.py --out DIR    # somewhere else
    python scripts/train_roles.py --cache DIR  # keep the parsed features there between runs

Reads ../shared/data/muc4-grit/train.json (or $STRIFE_SHARED_DIR/data); never the dev split. Parses
every document with the strife pipeline (without the role filler), labels candidate noun phrases by
the gold role filler strings, fits one logistic regression per role (needs scikit-learn), chooses the
thresholds by document-grouped cross-validation and prints the CV F1. Deterministic: the same data
gives the same artifact.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import time
from pathlib import Path

from strife.rolefill.model import ARTIFACT_NAME, MODELS_DIR
from strife.rolefill.train import muc_examples, train


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[1])
    ap.add_argument("--out", type=Path, default=MODELS_DIR, help=f"output folder (default {MODELS_DIR})")
    ap.add_argument("--name", default=ARTIFACT_NAME)
    ap.add_argument("--cache", type=Path, default=None, help="folder for the parsed-feature cache (default: none)")
    ap.add_argument("--limit", type=int, default=None, help="first N training documents only (quick runs)")
    ap.add_argument("--C", type=float, default=0.3, help="inverse L2 strength")
    ap.add_argument("--folds", type=int, default=5)
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    examples = muc_examples("train", limit=args.limit, cache_dir=args.cache)
    print(f"parsed {len(examples)} MUC-4 train documents, {sum(len(e.feats) for e in examples)} candidates "
          f"({time.perf_counter() - t0:.0f} s)")
    model, report = train(examples, C=args.C, folds=args.folds)
    path = model.save(args.out, args.name)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()[:16]
    print(f"wrote {path} ({path.stat().st_size / 1e3:.0f} kB, {len(model.vocab)} features, sha256 {digest}); "
          f"CV perp+target F1 {report['cv_f1']:.3f}; {time.perf_counter() - t0:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
