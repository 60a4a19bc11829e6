"""The Python baseline of bench/sweep_vs_python.sh: the seed formulas module
(../shared/seeds/002_taf_formulas.py) evaluating X-2 over the same grid in one
process, writing the same rows. Usage: seed_sweep.py SEEDS_DIR N OUT MODE (lean|full)"""
import importlib.util
import json
import sys
import time

seeds, n, out, mode = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
spec = importlib.util.spec_from_file_location("seed", seeds + "/002_taf_formulas.py")
seed = importlib.util.module_from_spec(spec)
spec.loader.exec_module(seed)
preset = dict(seed.PRESETS["meta-llama/Meta-Llama-3-8B"])
t0 = time.perf_counter()
with open(out, "w") as f:
    for i in range(n):
        preset["T_eval"] = 1000 + i
        r = seed.run_recipe("X-2", **preset)
        if mode == "lean":
            f.write(json.dumps({"model": "llama-3-8b", "T_eval": 1000 + i, "verdict": r["verdict"]}) + "\n")
        else:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
print("%.3f" % (time.perf_counter() - t0))
