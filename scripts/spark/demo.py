"""Runs actorgraph as a mapper and a reducer under PySpark in local mode and checks that
the result is byte-identical to the single-machine run.

    python scripts/spark/demo.py --binary .build/debug/actorgraph examples/*.md

Each article file becomes one JSON Lines record whose text is the whole file (front
matter included), so the ids and offsets are those of the files themselves. Spark pipes
each partition through `actorgraph extract --jsonl` (one graph line per article), reduces
each partition with `actorgraph merge --jsonl`, reduces the partial graphs again in one
partition, and the driver writes the final graph with `actorgraph merge`.
"""
import argparse
import json
import os
import shlex
import subprocess
import sys
import tempfile


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    parser.add_argument("articles", nargs="+")
    args = parser.parse_args()
    binary = os.path.abspath(args.binary)

    from pyspark import SparkConf, SparkContext

    with tempfile.TemporaryDirectory(prefix="actorgraph-spark-") as folder:
        lines = []
        for path in sorted(args.articles):
            with open(path, encoding="utf-8") as handle:
                lines.append(json.dumps({"text": handle.read()}, ensure_ascii=False))

        conf = SparkConf().setMaster("local[2]").setAppName("actorgraph-spark-demo")
        conf = conf.set("spark.ui.enabled", "false").set("spark.driver.host", "127.0.0.1")
        conf = conf.set("spark.ui.showConsoleProgress", "false")
        sc = SparkContext(conf=conf)
        sc.setLogLevel("ERROR")
        try:
            corpus = sc.parallelize(lines, numSlices=len(lines))
            # RDD.pipe runs the command once per partition, one element per line each way.
            mapper = f"{shlex.quote(binary)} extract --jsonl --quiet"
            reducer = f"{shlex.quote(binary)} merge --jsonl"
            graphs = corpus.pipe(mapper, checkCode=True)
            partials = graphs.pipe(reducer, checkCode=True)
            final = partials.coalesce(1).pipe(reducer, checkCode=True).collect()
            partitions = corpus.getNumPartitions()
        finally:
            sc.stop()

        reduced = os.path.join(folder, "reduced.jsonl")
        with open(reduced, "w", encoding="utf-8") as handle:
            handle.write("\n".join(final) + "\n")
        spark_graph = os.path.join(folder, "spark.json")
        direct_graph = os.path.join(folder, "direct.json")
        subprocess.run([binary, "merge", reduced, "-o", spark_graph], check=True)
        subprocess.run([binary, "extract", "--quiet", *sorted(args.articles), "-o", direct_graph], check=True)
        with open(spark_graph, "rb") as a, open(direct_graph, "rb") as b:
            spark_bytes, direct_bytes = a.read(), b.read()

    if spark_bytes != direct_bytes:
        print(f"spark-demo: DIFFERENT: Spark gave {len(spark_bytes)} bytes, the single-machine run {len(direct_bytes)}")
        return 1
    print(f"spark-demo: {len(lines)} articles in {partitions} partitions, mapped and reduced under PySpark "
          f"(local mode): identical to `actorgraph extract` ({len(direct_bytes)} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
