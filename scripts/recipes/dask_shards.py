"""The Dask recipe of docs/distributed.md: shard indexes as a bag, each mapped to one `extractor extract --shard k/N`
run on whichever worker takes it, the corpus tables reduced by `extractor merge`.

Usage: python3 dask_shards.py SCHEDULER_ADDRESS INPUT_FOLDER N OUT_FOLDER
"""
import subprocess
import sys

import dask.bag as db
from distributed import Client


def extract_shard(k, n, folder, out):
    """One map task: shard k of n, written atomically by -o, so a retried task writes the same bytes."""
    part = f"{out}/part{k}.csv"
    subprocess.run(["extractor", "extract", folder, "--shard", f"{k}/{n}", "-l", "corpus", "-q", "-o", part], check=True)
    return part


def main():
    address, folder, n, out = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
    with Client(address, timeout=60) as client:
        client.wait_for_workers(2, timeout=60)
        parts = db.from_sequence(range(n), npartitions=n).map(extract_shard, n, folder, out).compute()
        workers = {w for w in client.run(lambda: 1)}
    subprocess.run(["extractor", "merge", *sorted(parts), "-o", f"{out}/corpus.csv"], check=True)
    print(f"dask: {n} shards on {len(workers)} workers, merged into {out}/corpus.csv")


if __name__ == "__main__":
    main()
