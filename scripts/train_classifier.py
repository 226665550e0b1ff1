#!/usr/bin/env python
"""Train strife's event classifier from the shared development data and write the shipped artifact.

    python scripts/train_classifier.py            # writes src/strife/data/models/event_classifier.{json,npz}
    python scripts/train_classifier.py --out DIR  # somewhere else

Reads ../shared/data (or $STRIFE_SHARED_DIR/data): CASE-2021 task 2 snippets, PLOVER gold records,
PETRARCH2 unit-test sentences, ConfliBERT CAMEO train, and the PETRARCH2 CAMEO verb dictionary
(single verbs -> CAMEO root, stored in the artifact as a feature lexicon), plus strife's own trigger lexicon and
actor dictionaries as class cues for the ACLED head (strife.classify.cues, also stored in the artifact). Needs
scikit-learn. Deterministic: the same data gives byte-identical weights.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import time
from pathlib import Path

from strife.classify.datasets import load_cameo_verb_lexicon, shared_data_dir
from strife.classify.model import ARTIFACT_NAME, MODELS_DIR
from strife.classify.training import TrainConfig, load_training_examples, train


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[1])
    ap.add_argument("--out", type=Path, default=MODELS_DIR, help=f"output folder (default {MODELS_DIR})")
    ap.add_argument("--name", default=ARTIFACT_NAME)
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    data = shared_data_dir()
    examples = load_training_examples(data)
    model = train(examples, TrainConfig(), load_cameo_verb_lexicon(data))
    json_path, npz_path = model.save(args.out, args.name)
    for p in (json_path, npz_path):
        digest = hashlib.sha256(p.read_bytes()).hexdigest()[:16]
        print(f"wrote {p} ({p.stat().st_size / 1e6:.2f} MB, sha256 {digest})")
    print(f"{len(examples)} examples, {model.featurizer.n_features} features, {time.perf_counter() - t0:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
