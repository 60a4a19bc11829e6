#!/usr/bin/env python3
"""Derive the golden expectations of the hardware and RoPE recipes (X-4, X-8,
X-9, X-10, X-15, X-17, X-20) independently of tafrun.

Every number below is recomputed here in plain Python from the equations the
recipes state (their header comments; FORMULAS.md §5; upstream js/fit_check.js,
js/launch_flags.js, js/yarn_planner.js, js/depth.js for the constants):

  weights      N·bpw/8 bytes; bpw from the ggml block layouts (Q8_0 34 B/32 → 8.5, …),
               the llama.cpp quantize README (K-quant mixes), 16 for BF16, 4.5 for NF4
  KV cache     2·L·n_kv·d_h·T·B bytes (B: f16 2, q8_0 34/32, q4_0 18/32); sliding-window presets
               2·n_kv·d_h·B·((L − L_swa)·T + L_swa·min(T, W)), and their largest context by bisection
  overhead     0.4 GiB + 0.25 GiB (flash attention; 0.6 without) + d_model bytes per token
  fit          budget = VRAM − weights − fixed; max context = ⌊budget/(batch·KV/tok + scratch/tok)⌋
  serving      prefill 2N_aP + 2LP²d_q over peak·MFU; decode (W·min(1, b·N_a/N) + b·KV(P+O/2))/(BW·MBU)
  fine-tuning  16N, 2N + 16P, N·4.5/8 + 16P, activations 2·s·d·L; FLOPs 6ND, (4N + 6P)D
  RoPE         λ_i = 2πθ^(2i/d), n_active = (d/2)(1 − log_θ(T/2π)), T_cross = 2π√θ, T_max = 2πθ
  depth        L_crit/N = log_θ(T/2π)·(d_head/64)^(1/√12)
  extension    γ_Padé(θ, L/s) (PI), θ(s·L/T − s + 1)^(d/(d−2)) (dynamic), θ·s (YaRN),
               θ_design = L√2(1+γ)/(2(1−γ)), α_opt = θ_design/θ

Model fields are the presets' published config.json files, written out by hand in
published_configs.py; GPUs are read from catalogs/gpus.lua (regular expressions over
the Lua table), so the tests follow the GPU catalog.
Threshold cases ("at") use inputs that land exactly on the boundary in binary64
arithmetic with the same operation order as the C code, found below.

Usage: python3 tests/golden/derive_hw.py   (rewrites tests/golden/x{4,8,9,10,15,17,20}.lua)
"""
import copy
import json
import math
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, "..", "..")
GIB = 1073741824.0
sys.path.insert(0, HERE)
from published_configs import PRESETS  # noqa: E402
TWO_PI = 2 * math.pi


# ── catalogs ────────────────────────────────────────────────────────────
def parse_fields(text):
    out = {}
    for k, v in re.findall(r"(\w+)\s*=\s*(\"[^\"]*\"|true|false|[-+0-9.eE]+)", text):
        if v.startswith('"'):
            out.setdefault(k, v[1:-1])
        elif v in ("true", "false"):
            out.setdefault(k, v == "true")
        else:
            out.setdefault(k, float(v))
    return out


def model(short):
    """A preset's fields: its published config.json, written out by hand in
    published_configs.py (the preset equals it, tests/golden/catalog_presets.lua)."""
    return copy.deepcopy(PRESETS[short])


def gpus():
    with open(os.path.join(ROOT, "catalogs", "gpus.lua")) as f:
        text = f.read()
    out = {}
    for entry in re.findall(r"\{\s*name\s*=.*?aliases", text, re.S):
        g = parse_fields(entry)
        out[g["name"]] = g
    return out


GPUS = gpus()

# name → (bits per weight, nominal bits, kind, has a GGUF file type)
FORMATS = {
    "F32": (32.0, 32, "float", True), "BF16": (16.0, 16, "float", True), "F16": (16.0, 16, "float", True),
    "FP8": (8.0, 8, "float", False), "INT8": (8.5, 8, "int", False), "AWQ": (4 + 20 / 128, 4, "int", False),
    "GPTQ": (4 + 20 / 128, 4, "int", False), "INT4": (4 + 16 / 128, 4, "int", False), "NF4": (4.5, 4, "int", False),
    "Q8_0": (34 * 8 / 32, 8, "gguf", True), "Q6_K": (6.56, 6, "gguf", True), "Q5_K_M": (5.68, 5, "gguf", True),
    "Q4_K_M": (4.84, 4, "gguf", True), "IQ4_XS": (4.25, 4, "gguf", True), "Q3_K_M": (3.91, 3, "gguf", True),
    "Q2_K": (3.35, 2, "gguf", True),
}
README = {"Q6_K", "Q5_K_M", "Q4_K_M", "Q3_K_M", "Q2_K"}
ALIASES = {"bfloat16": "BF16", "float16": "F16", "float32": "F32"}
KV = {"f16": 2.0, "q8_0": 34 / 32, "q4_0": 18 / 32}
LADDER = {"gguf": ["F32", "BF16", "Q8_0", "Q6_K", "Q5_K_M", "Q4_K_M", "IQ4_XS", "Q3_K_M", "Q2_K"],
          "other": ["F32", "BF16", "FP8", "INT8", "AWQ", "Q3_K_M", "Q2_K"]}


def fmt_name(name):
    return ALIASES.get(name, name.upper() if name.upper() in FORMATS else name)


# ── formulas ────────────────────────────────────────────────────────────
def kv_bytes(L, nkv, dh, seq, B):
    return 2 * L * nkv * dh * seq * B


def kv_model(m, T, B):
    """§19.1 by layout: FULL, or SWA with L_swa windowed layers (all when not stated)."""
    arch = m.get("architecture") or ("SWA" if m.get("has_SWA") and m.get("sliding_window") else "FULL")
    if arch != "SWA":
        return kv_bytes(m["n_layers"], m["n_kv_heads"], m["d_head"], T, B), "full"
    L = m["n_layers"]
    swa = min(m["n_swa_layers"], L) if "n_swa_layers" in m else L
    per = 2 * m["n_kv_heads"] * m["d_head"]
    return per * ((L - swa) * T + swa * min(T, m["sliding_window"])) * B, "sliding_window"


def fit_model(m, w, B, batch, ctx, d_model, fa, vram, n_gpus=1):
    """X-4's fit: closed form for a full cache, else total ≤ VRAM and a bisection for the largest context."""
    if kv_model(m, 1, B)[1] == "full":
        return vram_fit(w, kv_bytes(m["n_layers"], m["n_kv_heads"], m["d_head"], 1, B), batch, ctx, d_model, fa, vram, n_gpus)
    base, pt = overhead(d_model, fa)
    base *= n_gpus

    def at(t):
        f = {"weights": w, "kv": batch * kv_model(m, t, B)[0], "overhead": base + pt * t, "vram": vram * n_gpus}
        f["total"] = f["weights"] + f["kv"] + f["overhead"]
        f["headroom"] = f["vram"] - f["total"]
        f["fits"] = f["total"] <= f["vram"]
        f["wpo"] = f["weights"] + f["overhead"]
        if f["fits"]:
            f["class"] = "fits_comfortably" if f["headroom"] >= 0.10 * f["vram"] else "fits_tight"
        else:
            f["class"] = "kv_bound" if f["wpo"] <= f["vram"] else "weights_bound"
        return f
    f = at(ctx)
    if not at(0)["fits"]:
        f["max"] = 0
        return f
    lo, hi = 0, 1
    while hi <= 1 << 30 and at(hi)["fits"]:
        lo, hi = hi, hi * 2
    if hi > 1 << 30:
        f["max"] = math.inf
        return f
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if at(mid)["fits"]:
            lo = mid
        else:
            hi = mid
    f["max"] = lo
    return f


def overhead(d_model, fa=True):
    return 0.4 * GIB + (0.25 if fa else 0.6) * GIB, 0.5 * d_model * 2.0


def vram_fit(w, kvpt, batch, ctx, d_model, fa, vram, n_gpus=1):
    base, pt = overhead(d_model, fa)
    base *= n_gpus
    vram *= n_gpus
    per = kvpt * batch + pt
    budget = vram - w - base
    f = {"weights": w, "kv": kvpt * batch * ctx, "overhead": base + pt * ctx, "vram": vram}
    f["total"] = f["weights"] + f["kv"] + f["overhead"]
    f["headroom"] = vram - f["total"]
    if budget < 0:
        f["max"], f["fits"] = 0, False
    else:
        m = math.floor(budget / per)
        if (m + 1) * per <= budget:
            m += 1
        elif m > 0 and m * per > budget:
            m -= 1
        f["max"], f["fits"] = m, ctx * per <= budget
    wpo = f["weights"] + f["overhead"]
    if f["fits"]:
        f["class"] = "fits_comfortably" if f["headroom"] >= 0.10 * vram else "fits_tight"
    else:
        f["class"] = "kv_bound" if wpo <= vram else "weights_bound"
    f["wpo"] = wpo
    return f


def offload(m, w, kv_total, ov, vram):
    non = min(0.5, 2 * m["vocab"] * m["d_model"] / m["n_params"]) if "vocab" in m and "d_model" in m else 0.12
    per_layer = (w * (1 - non) + kv_total) / m["n_layers"]
    if not per_layer > 0:
        return 0, per_layer
    n = math.floor((vram - ov - w * non) / per_layer)
    return max(0, min(int(m["n_layers"]), n)), per_layer


def gamma_pade(theta, T):
    return (2 * theta - T * math.sqrt(2)) / (2 * theta + T * math.sqrt(2))


# ── Lua emission ────────────────────────────────────────────────────────
def lua(v):
    if v is None:
        return "nil"
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, str):
        return json.dumps(v, ensure_ascii=False)
    if isinstance(v, int):
        return str(v)
    if math.isinf(v):
        return "math.huge" if v > 0 else "-math.huge"
    return repr(float(v))


def case(title, ref, short, sets, lines):
    opts = []
    if short:
        opts.append("model = %s" % lua(short))
    if sets:
        opts.append("set = { %s }" % ", ".join("%s = %s" % (k, lua(v)) for k, v in sets.items()))
    body = ["test(%s, function()" % lua(title), "  local r = run(%s, { %s })" % (lua(ref), ", ".join(opts))]
    return "\n".join(body + ["  " + l for l in lines] + ["end)"])


def error_case(title, ref, short, sets, pattern):
    opts = []
    if short:
        opts.append("model = %s" % lua(short))
    if sets:
        opts.append("set = { %s }" % ", ".join("%s = %s" % (k, lua(v)) for k, v in sets.items()))
    return ("test(%s, function()\n  expect_error(function() run(%s, { %s }) end, %s, \"usage\")\nend)"
            % (lua(title), lua(ref), ", ".join(opts), lua(pattern)))


def near(expr, v, msg=None):
    return "expect_near(%s, %s, 1e-12%s)" % (expr, lua(v), ", " + lua(msg) if msg else "")


def eq(expr, v, msg=None):
    return "expect_eq(%s, %s%s)" % (expr, lua(v), ", " + lua(msg) if msg else "")


def write(name, rid, how, cases):
    with open(os.path.join(HERE, name), "w") as f:
        f.write("-- Golden tests for %s. Expected values derived by tests/golden/derive_hw.py\n" % rid)
        f.write("-- from the equations, written out in Python (no tafrun code):\n")
        for line in how.strip().splitlines():
            f.write("--   %s\n" % line)
        f.write("-- Regenerate with: python3 tests/golden/derive_hw.py\n\n")
        f.write("\n\n".join(cases) + "\n")


def nextafter_down(x):
    return math.nextafter(x, -math.inf)


def smallest(pred, lo, hi):
    """Smallest binary64 x in [lo, hi] with pred(x) true (pred monotone)."""
    assert pred(hi) and not pred(lo)
    for _ in range(200):
        mid = (lo + hi) / 2
        if mid in (lo, hi):
            break
        if pred(mid):
            hi = mid
        else:
            lo = mid
    while pred(nextafter_down(hi)):
        hi = nextafter_down(hi)
    while not pred(hi):
        hi = math.nextafter(hi, math.inf)
    return hi


# ── X-4 ─────────────────────────────────────────────────────────────────
def x4(short, **s):
    m = model(short) if short else {}
    m.update(s)
    T = int(m.get("T_eval", m["T_train"]))
    batch = int(m.get("batch", 1))
    n_gpus = int(m.get("n_gpus", 1))
    fname = fmt_name(m.get("weight_format", m.get("dtype", "BF16")))
    bits = m["bytes_per_weight"] * 8 if "bytes_per_weight" in m else FORMATS[fname][0]
    kvb = KV[m.get("kv_dtype", "f16")]
    vram = m.get("vram_GiB", GPUS[m.get("gpu", "RTX 4090")]["vram_GB"]) * GIB
    dm = m.get("d_model", 0)
    w = m["n_params"] * bits / 8.0
    f = fit_model(m, w, kvb, batch, T, dm, True, vram, n_gpus)
    out = {"f": f, "w": w, "fname": fname, "rescue": None, "T": T}
    if not f["fits"]:
        cands = []
        def add(lever, wf, kv):
            wb = m["n_params"] * (FORMATS[wf][0] if wf else bits) / 8.0
            r = fit_model(m, wb, KV[kv], batch, T, dm, True, vram, n_gpus)
            cands.append({"lever": lever, "weight_format": wf or fname, "kv_dtype": kv, "total_GiB": r["total"] / GIB,
                          "fits": r["fits"], "max_context": r["max"]})
        kv_r = m.get("kv_dtype", "f16")
        if kvb > KV["q8_0"]:
            add("kv_dtype", None, "q8_0")
            kv_r = "q8_0"
        kind = "gguf" if FORMATS[fname][2] == "gguf" else "other"
        lower = [] if "bytes_per_weight" in m else [g for g in LADDER[kind] if FORMATS[g][0] < FORMATS[fname][0]]
        last4 = None
        for g in lower:
            if FORMATS[g][1] >= 4:
                add("weight_precision", g, kv_r)
                last4 = g
        if kvb > KV["q4_0"]:
            add("kv_dtype", last4, "q4_0")
        for g in lower:
            if FORMATS[g][1] < 4:
                add("weight_precision (below 4 bits: quality cliff)", g, "q4_0" if KV["q4_0"] < kvb else m.get("kv_dtype", "f16"))
        out["cands"] = cands
        out["rescue"] = next((c for c in cands if c["fits"]), None)
        out["ngl"], _ = offload(m, w, f["kv"], f["overhead"], f["vram"])
    return out


VERDICT4 = {"fits_comfortably": "FITS COMFORTABLY", "fits_tight": "FITS (TIGHT)", "kv_bound": "KV-BOUND",
            "weights_bound": "WEIGHTS-BOUND"}


def x4_lines(o):
    f = o["f"]
    lines = [eq("r.verdict", VERDICT4[f["class"]], "verdict"),
             near("step(r, 1).result", o["w"] / GIB, "weights GiB"),
             near("step(r, 2).result", f["kv"] / GIB, "KV GiB"),
             near("step(r, 3).result", f["overhead"] / GIB, "overhead GiB"),
             near("step(r, 4).result.total_GiB", f["total"] / GIB, "total"),
             near("step(r, 4).result.headroom_GiB", f["headroom"] / GIB, "headroom"),
             eq("step(r, 5).result", f["max"], "max context"),
             eq("step(r, 6).result", f["class"], "fit class")]
    if not f["fits"]:
        lines.append(eq("#step(r, 7).result", len(o["cands"]), "rescue options"))
        for i, c in enumerate(o["cands"], 1):
            lines.append(eq("step(r, 7).result[%d].weight_format" % i, c["weight_format"]))
            lines.append(eq("step(r, 7).result[%d].kv_dtype" % i, c["kv_dtype"]))
            lines.append(near("step(r, 7).result[%d].total_GiB" % i, c["total_GiB"]))
            lines.append(eq("step(r, 7).result[%d].fits" % i, c["fits"]))
        lines.append(eq("step(r, 8).result", o["ngl"], "ngl"))
        if o["rescue"]:
            lines.append(eq("r.rescue.weight_format", o["rescue"]["weight_format"], "cheapest rescue"))
            lines.append(eq("r.rescue.kv_dtype", o["rescue"]["kv_dtype"], "cheapest rescue kv"))
        elif o["ngl"] > 0:
            lines.append(eq("r.rescue.lever", "offload", "rescue"))
    return lines


def x4_case(title, short, sets):
    return case(title, "x4", short, sets, x4_lines(x4(short, **sets)))


cases = []
for short, sets in [("llama-3-8b", {}), ("qwen2.5-7b", {}), ("llama-3.3-70b", {}), ("mistral-7b", {"T_eval": 32768}),
                    ("llama-3-8b", {"T_eval": 131072}), ("llama-3-8b", {"T_eval": 131072, "kv_dtype": "q8_0"}),
                    ("llama-3.3-70b", {"T_eval": 8192, "weight_format": "Q4_K_M", "gpu": "A100 80GB"}),
                    ("qwen2.5-7b", {"batch": 16, "gpu": "H100 SXM"}),
                    ("llama-3.3-70b", {"n_gpus": 2, "gpu": "H100 SXM", "T_eval": 32768}),
                    ("llama-3-8b", {"bytes_per_weight": 0.6}), ("gemma-2-9b", {"T_eval": 32768}),
                    ("phi-3-mini", {"T_eval": 131072, "batch": 8, "vram_GiB": 12}),
                    ("gemma-2-9b", {"T_eval": 131072, "vram_GiB": 16})]:
    cases.append(x4_case("X-4 %s %s" % (short, " ".join("%s=%s" % kv for kv in sets.items()) or "defaults"), short, sets))

# Thresholds. (1) the largest context: at max_context it fits, one token more does not.
mx = x4("llama-3-8b")["f"]["max"]
for T, what in [(mx - 1, "just below"), (mx, "at"), (mx + 1, "just above")]:
    cases.append(x4_case("X-4 llama-3-8b context %s the largest that fits (T_eval=%d)" % (what, T), "llama-3-8b",
                         {"T_eval": T}))
# The same boundary for a sliding-window model, whose largest context is found by bisection.
mg = x4("gemma-2-9b")["f"]["max"]
for T, what in [(mg, "at"), (mg + 1, "just above")]:
    cases.append(x4_case("X-4 gemma-2-9b (windowed KV) context %s the largest that fits (T_eval=%d)" % (what, T),
                         "gemma-2-9b", {"T_eval": T}))
# (2) 10% headroom: largest T with headroom ≥ 0.1·VRAM, and the next token.
m8 = model("llama-3-8b")
t10 = max(t for t in range(mx - 20000, mx) if x4("llama-3-8b", T_eval=t)["f"]["class"] == "fits_comfortably")
for T, what in [(t10, "at the last comfortable"), (t10 + 1, "just past")]:
    cases.append(x4_case("X-4 llama-3-8b 10%% headroom %s context (T_eval=%d)" % (what, T), "llama-3-8b", {"T_eval": T}))
# (3) weights + overhead against the VRAM: exactly equal is KV-bound, one ulp less VRAM is weights-bound.
f = x4("llama-3-8b", T_eval=8192)["f"]
v_at = f["wpo"] / GIB
assert x4("llama-3-8b", vram_GiB=v_at)["f"]["class"] == "kv_bound"
assert x4("llama-3-8b", vram_GiB=nextafter_down(v_at))["f"]["class"] == "weights_bound"
for v, what in [(v_at * (1 + 1e-9), "just above"), (v_at, "at"), (nextafter_down(v_at), "just below")]:
    cases.append(x4_case("X-4 llama-3-8b VRAM %s weights + overhead" % what, "llama-3-8b", {"vram_GiB": v}))
# Bad inputs: usage errors (exit 2).
cases += [error_case("X-4 unknown weight format", "x4", "llama-3-8b", {"weight_format": "Q4_K_Q"}, "unknown weight format 'Q4_K_Q'"),
          error_case("X-4 unknown KV type", "x4", "llama-3-8b", {"kv_dtype": "q3_k"}, "'kv_dtype' must be one of"),
          error_case("X-4 zero context", "x4", "llama-3-8b", {"T_eval": 0}, "'T_eval' must be integer in"),
          error_case("X-4 zero batch", "x4", "llama-3-8b", {"batch": 0}, "'batch' must be integer in"),
          error_case("X-4 unknown GPU", "x4", "llama-3-8b", {"gpu": "h1000"}, "unknown gpu 'h1000'"),
          error_case("X-4 negative VRAM", "x4", "llama-3-8b", {"vram_GiB": -1}, "'vram_GiB' must be number in"),
          error_case("X-4 without a model", "x4", None, {}, "needs 'n_params'")]
write("x4.lua", "X-4", """weights N·bpw/8; KV 2·L·n_kv·d_h·T·B·batch; overhead 0.4 + 0.25 GiB + d_model·T bytes;
max context ⌊(VRAM − W − fixed)/(batch·KV/token + d_model)⌋; fit class of upstream fit_check;
rescue ladder KV q8_0 → lower weight bits (≥ 4) → KV q4_0 → below 4 bits; -ngl from the layer split.""", cases)


# ── X-15 ────────────────────────────────────────────────────────────────
def x15(short, **s):
    m = model(short)
    m.update(s)
    T = int(m.get("T_eval", m["T_train"]))
    fname = fmt_name(m.get("weight_format", "Q4_K_M"))
    bits = m["bytes_per_weight"] * 8 if "bytes_per_weight" in m else FORMATS[fname][0]
    kvn = m.get("kv_cache_type", "f16")
    vram = m.get("vram_GiB", GPUS[m.get("gpu", "RTX 4090")]["vram_GB"]) * GIB
    w = m["n_params"] * bits / 8.0
    f = fit_model(m, w, KV[kvn], 1, T, m.get("d_model", 0), True, vram)
    ngl, _ = offload(m, w, f["kv"], f["overhead"], vram)
    L = int(m["n_layers"])
    if f["fits"]:
        ngl = L
    flag = max(99, L + 1) if f["fits"] else ngl
    num_gpu = L + 1 if f["fits"] else ngl
    cmd = "llama-server -m model.gguf -ngl %d -c %d --flash-attn on" % (flag, T)
    if kvn != "f16":
        cmd += " --cache-type-k %s --cache-type-v %s" % (kvn, kvn)
    if f["fits"]:
        cmd += " --no-mmap"
    serve = ("OLLAMA_FLASH_ATTENTION=1 " + ("OLLAMA_KV_CACHE_TYPE=%s " % kvn if kvn != "f16" else "") + "ollama serve")
    verdict = "FULL GPU OFFLOAD" if f["fits"] else ("PARTIAL OFFLOAD" if ngl > 0 else "CPU ONLY")
    return {"f": f, "w": w, "ngl": ngl, "cmd": cmd, "serve": serve, "num_gpu": num_gpu, "verdict": verdict, "T": T}


def x15_lines(o):
    return [eq("r.verdict", o["verdict"], "verdict"), near("step(r, 1).result", o["w"] / GIB, "weights GiB"),
            near("step(r, 2).result", o["f"]["kv"] / GIB, "KV GiB"),
            near("step(r, 3).result.total_GiB", o["f"]["total"] / GIB, "total GiB"),
            eq("step(r, 4).result", o["ngl"], "layers on the GPU"), eq("step(r, 5).result", o["cmd"], "llama.cpp"),
            eq("r.llama_cpp", o["cmd"]), eq("r.ollama_serve", o["serve"]),
            eq("r.ollama_modelfile", "FROM ./model.gguf\nPARAMETER num_ctx %d\nPARAMETER num_gpu %d" % (o["T"], o["num_gpu"]))]


def x15_case(title, short, sets):
    return case(title, "x15", short, sets, x15_lines(x15(short, **sets)))


cases = []
for short, sets in [("llama-3-8b", {}), ("qwen2.5-7b", {"kv_cache_type": "q8_0"}), ("llama-3.3-70b", {}),
                    ("gemma-2-9b", {"weight_format": "Q8_0", "kv_cache_type": "q4_0"}),
                    ("llama-3.3-70b", {"gpu": "RTX 5090", "T_eval": 8192, "weight_format": "IQ4_XS"}),
                    ("mistral-7b", {"bytes_per_weight": 0.5625, "vram_GiB": 8, "T_eval": 32768})]:
    cases.append(x15_case("X-15 %s %s" % (short, " ".join("%s=%s" % kv for kv in sets.items()) or "defaults"), short, sets))
# Thresholds: (1) everything on the GPU vs a partial split at the largest context;
mx = x4("llama-3-8b", weight_format="Q4_K_M")["f"]["max"]
for T, what in [(mx, "at"), (mx + 1, "just above")]:
    cases.append(x15_case("X-15 llama-3-8b full offload %s the largest context (T_eval=%d)" % (what, T), "llama-3-8b",
                          {"T_eval": T}))
# (2) one layer vs none: the smallest VRAM that holds one layer, and one ulp less.
m70 = model("llama-3.3-70b")
v1 = smallest(lambda v: x15("llama-3.3-70b", vram_GiB=v)["ngl"] >= 1, 0.5, 24.0)
for v, what in [(v1 * (1 + 1e-9), "just above"), (v1, "at"), (nextafter_down(v1), "just below")]:
    cases.append(x15_case("X-15 llama-3.3-70b VRAM %s one layer" % what, "llama-3.3-70b", {"vram_GiB": v}))
cases += [error_case("X-15 non-GGUF format", "x15", "llama-3-8b", {"weight_format": "AWQ"}, "must be a GGUF type"),
          error_case("X-15 quantized V cache without flash attention", "x15", "llama-3-8b",
                     {"kv_cache_type": "q8_0", "flash_attn": False}, "needs flash attention"),
          error_case("X-15 KV type Ollama cannot use", "x15", "llama-3-8b", {"kv_cache_type": "q5_1"},
                     "'kv_cache_type' must be one of f16, q8_0, q4_0"),
          error_case("X-15 unknown format", "x15", "llama-3-8b", {"weight_format": "Q9_K"}, "unknown weight format 'Q9_K'"),
          "test(\"X-15 context past the limit\", function()\n"
          "  -- T_eval takes T_train's bound from the model-field schema: at most 1e12 tokens\n"
          "  expect_error(function() run(\"x15\", { model = \"llama-3-8b\", set = { T_eval = 2000000000000 } }) end,\n"
          "    \"'T_eval' must be integer in %[1, 1000000000000%]\", \"usage\")\nend)"]
write("x15.lua", "X-15", """the X-4 budget with the GGUF bits of weight_format (default Q4_K_M), one sequence;
-ngl: all (max(99, L+1)) when the total fits, else ⌊(VRAM − overhead − non-layer)/(layer weights + layer KV)⌋,
non-layer share 2·vocab·d_model/N; commands assembled from those numbers.""", cases)


# ── X-8 ─────────────────────────────────────────────────────────────────
def x8(short, **s):
    m = model(short)
    m.update(s)
    g = GPUS[m.get("gpu", "H100 SXM")]
    n = int(m.get("n_gpus", 1))
    fname = fmt_name(m.get("weight_format", m.get("dtype", "BF16")))
    bits = FORMATS[fname][0]
    kvb = KV[m.get("kv_dtype", "f16")]
    P, O, batch = int(m.get("prompt_tokens", 2048)), int(m.get("output_tokens", 256)), int(m.get("batch", 32))
    mfu, mbu = m.get("mfu", 0.45), m.get("mbu", 0.8)
    vram = m.get("vram_GiB", g["vram_GB"]) * GIB * n
    peak, bw = g["flops"] * n, g["bw_GB_s"] * n
    q = m["n_attention_heads"] * m["d_head"]
    w = m["n_params"] * bits / 8.0
    kv_req = kv_model(m, P + O, kvb)[0]
    base, pt = overhead(m.get("d_model", 0))
    budget = vram - w - (base * n + pt * P)
    max_req = math.floor(budget / kv_req) if budget > 0 else 0
    o = {"w": w, "kv_req": kv_req, "max_req": max_req}
    if max_req < 1:
        o["verdict"] = "DOES NOT FIT"
        return o
    b = min(batch, max_req)
    n_act = min(m.get("n_params_active", m["n_params"]), m["n_params"])
    pf = 2.0 * n_act * P + 2.0 * m["n_layers"] * P * P * q
    ttft = max(pf / (peak * 1e12 * mfu), w / (bw * 1e9 * mbu))
    ctx = P + O / 2
    kv_avg = kv_model(m, ctx, kvb)[0]
    mem = (w * min(1, b * n_act / m["n_params"]) + b * kv_avg) / (bw * 1e9 * mbu)
    cmp = b * (2.0 * n_act + 4.0 * m["n_layers"] * ctx * q) / (peak * 1e12 * mfu)
    tpot = max(mem, cmp)
    tok = b / tpot
    usd = g["usd_h"] * n
    o.update(ttft=ttft, tpot=tpot, tok=tok, latency=ttft + O * tpot, b=b)
    if usd > 0:
        o["out_usd"] = usd / 3600.0 / tok * 1e6
        o["blend_usd"] = usd / 3600.0 / ((P + O) / (ttft + O * tpot / b)) * 1e6
    miss = ("ttft_target_s" in m and ttft > m["ttft_target_s"]) or ("tpot_target_ms" in m and tpot * 1e3 > m["tpot_target_ms"])
    o["verdict"] = "MISSES LATENCY TARGET" if miss else ("SERVES (KV-LIMITED BATCH)" if batch > max_req else "SERVES")
    return o


def x8_lines(o):
    lines = [eq("r.verdict", o["verdict"], "verdict"), near("step(r, 1).result", o["w"] / GIB, "weights GiB"),
             near("step(r, 2).result", o["kv_req"] / GIB, "KV per request GiB"), eq("step(r, 3).result", o["max_req"], "max requests")]
    if "ttft" in o:
        lines += [near("step(r, 4).result", o["ttft"], "TTFT"), near("step(r, 5).result", o["tpot"], "TPOT"),
                  near("step(r, 6).result.tokens_per_s", o["tok"], "tok/s"),
                  near("step(r, 6).result.request_latency_s", o["latency"], "latency")]
        if "out_usd" in o:
            lines += [near("step(r, 7).result.output_USD_per_Mtok", o["out_usd"], "$/Mtok out"),
                      near("step(r, 7).result.blended_USD_per_Mtok", o["blend_usd"], "$/Mtok blended")]
        else:
            lines.append(eq("step(r, 7).result", None, "no price"))
    return lines


def x8_case(title, short, sets):
    return case(title, "x8", short, sets, x8_lines(x8(short, **sets)))


cases = []
for short, sets in [("llama-3-8b", {}), ("qwen2.5-7b", {}), ("llama-3.3-70b", {}),
                    ("llama-3.3-70b", {"n_gpus": 4, "batch": 64}), ("mistral-7b", {"gpu": "RTX 4090", "weight_format": "AWQ"}),
                    ("llama-3-8b", {"gpu": "RTX 5060Ti", "weight_format": "Q4_K_M", "prompt_tokens": 512}),
                    ("qwen2.5-1.5b", {"prompt_tokens": 32768, "output_tokens": 1024, "kv_dtype": "q8_0"}),
                    ("phi-3-mini", {"prompt_tokens": 8192, "gpu": "L40S"}),
                    ("llama-3.3-70b", {"n_params_active": 1.3e10, "n_gpus": 2, "batch": 4}),
                    ("llama-3.3-70b", {"n_params_active": 1.3e10, "n_gpus": 2, "batch": 8})]:
    cases.append(x8_case("X-8 %s %s" % (short, " ".join("%s=%s" % kv for kv in sets.items()) or "defaults"), short, sets))
# Thresholds: batch at the KV limit and one more; TTFT/TPOT exactly at the target and just under it.
base8 = x8("llama-3-8b", gpu="RTX 4090", weight_format="Q4_K_M")
mr = base8["max_req"]
for bt, what in [(mr - 1, "just below"), (mr, "at"), (mr + 1, "just above")]:
    cases.append(x8_case("X-8 llama-3-8b batch %s the KV limit (batch=%d)" % (what, bt), "llama-3-8b",
                         {"gpu": "RTX 4090", "weight_format": "Q4_K_M", "batch": bt}))
d8 = x8("llama-3-8b")
for key, val in [("ttft_target_s", d8["ttft"]), ("tpot_target_ms", d8["tpot"] * 1e3)]:
    for v, what in [(val * (1 + 1e-9), "just above"), (val, "at"), (nextafter_down(val), "just below")]:
        cases.append(x8_case("X-8 llama-3-8b %s %s the estimate" % (key, what), "llama-3-8b", {key: v}))
# One request's KV vs none: the smallest VRAM holding one request, and one ulp less.
v1 = smallest(lambda v: x8("llama-3-8b", vram_GiB=v)["max_req"] >= 1, 10.0, 80.0)
for v, what in [(v1, "at"), (nextafter_down(v1), "just below")]:
    cases.append(x8_case("X-8 llama-3-8b VRAM %s one request" % what, "llama-3-8b", {"vram_GiB": v}))
cases += [error_case("X-8 zero MFU", "x8", "llama-3-8b", {"mfu": 0}, "'mfu' must be number in"),
          error_case("X-8 zero prompt", "x8", "llama-3-8b", {"prompt_tokens": 0}, "'prompt_tokens' must be integer in"),
          error_case("X-8 bad weight format", "x8", "llama-3-8b", {"weight_format": "int3"}, "unknown weight format 'int3'"),
          error_case("X-8 negative latency target", "x8", "llama-3-8b", {"tpot_target_ms": -5}, "'tpot_target_ms' must be number > 0"),
          error_case("X-8 without layers", "x8", None, {"n_params": 8e9}, "needs 'n_layers'"),
          error_case("X-8 attention model without heads", "x8", None, {"n_params": 8e9, "n_layers": 32}, "needs 'n_kv_heads'")]
write("x8.lua", "X-8", """max requests ⌊(VRAM − W − overhead)/KV(P+O)⌋; TTFT max(2NP + 2LP²d_q over peak·MFU, W/(BW·MBU));
TPOT max((W + b·KV(P + O/2))/(BW·MBU), b(2N + 4L·ctx·d_q)/(peak·MFU)); tok/s b/TPOT;
$/Mtok USD/h/3600/(tok/s)·1e6, blended over P + O with the request's GPU time TTFT + O·TPOT/b.""", cases)


# ── X-20 ────────────────────────────────────────────────────────────────
def x20(short, **s):
    m = model(short)
    m.update(s)
    g = GPUS[m.get("gpu", "H100 SXM")]
    n = int(m.get("n_gpus", 1))
    vram = m.get("vram_GiB", g["vram_GB"]) * GIB
    N, L, d, ff = m["n_params"], m["n_layers"], m["d_model"], m["d_ff"]
    q, kvd = m["n_attention_heads"] * m["d_head"], m["n_kv_heads"] * m["d_head"]
    r = int(m.get("rank", 16))
    tgt = m.get("targets", "all")
    per = {"all": (d + q) + 2 * (d + kvd) + (q + d) + 2 * (d + ff) + (ff + d),
           "attention": (d + q) + 2 * (d + kvd) + (q + d), "qv": (d + q) + (d + kvd)}[tgt]
    P = r * per * L
    act = (2.0 if m.get("checkpointing", True) else 34.0) * (m.get("micro_batch", 1) * m.get("seq_len", 2048)) * d * L
    full = 16 * N / n + act
    lora = 2 * N + 16 * P + act
    qlora = N * 4.5 / 8 + 16 * P + act
    o = {"act": act, "full": full, "P": P, "lora": lora, "qlora": qlora}
    if "dataset_tokens" in m:
        D = m["dataset_tokens"] * m.get("epochs", 1)
        mfu = m.get("mfu", 0.4)
        hours = lambda flops: flops / (g["flops"] * 1e12 * mfu * n) / 3600
        Na = min(m.get("n_params_active", N), N)
        o["full_hours"], o["adapter_hours"] = hours(6 * Na * D), hours((4 * Na + 6 * P) * D)
        if g["usd_h"] > 0:
            o["full_USD"] = o["full_hours"] * g["usd_h"] * n
            o["adapter_USD"] = o["adapter_hours"] * g["usd_h"] * n
    alpha = m.get("lora_alpha", 2 * r)
    o["scaling"] = alpha / r
    goal = m.get("goal", "adapt")
    if goal == "new_knowledge" and full <= vram:
        o["verdict"] = "FULL FINE-TUNE"
    elif lora <= vram:
        o["verdict"] = "LORA"
    elif qlora <= vram:
        o["verdict"] = "QLORA"
    elif full <= vram:
        o["verdict"] = "FULL FINE-TUNE"
    else:
        o["verdict"] = "DOES NOT FIT"
    return o


def x20_lines(o):
    lines = [eq("r.verdict", o["verdict"], "verdict"), near("step(r, 1).result", o["act"] / GIB, "activations GiB"),
             near("step(r, 2).result", o["full"] / GIB, "full GiB"), eq("step(r, 3).result", float(o["P"]), "LoRA params"),
             near("step(r, 4).result", o["lora"] / GIB, "LoRA GiB"), near("step(r, 5).result", o["qlora"] / GIB, "QLoRA GiB")]
    if "full_hours" in o:
        lines += [near("step(r, 6).result.full_hours", o["full_hours"], "full hours"),
                  near("step(r, 6).result.adapter_hours", o["adapter_hours"], "adapter hours")]
        if "full_USD" in o:
            lines += [near("step(r, 6).result.full_USD", o["full_USD"], "full $"),
                      near("step(r, 6).result.adapter_USD", o["adapter_USD"], "adapter $")]
        else:
            lines.append(eq("step(r, 6).result.full_USD", None, "no price"))
        lines.append(near("step(r, 7).result", o["scaling"], "alpha/r"))
    else:
        lines.append(near("step(r, 6).result", o["scaling"], "alpha/r"))
    return lines


def x20_case(title, short, sets):
    return case(title, "x20", short, sets, x20_lines(x20(short, **sets)))


cases = []
for short, sets in [("llama-3-8b", {}), ("llama-3-8b", {"dataset_tokens": 1e8}), ("qwen2.5-1.5b", {"dataset_tokens": 5e8, "epochs": 3}),
                    ("llama-3.3-70b", {"dataset_tokens": 1e8}), ("llama-3-8b", {"goal": "new_knowledge", "n_gpus": 8, "dataset_tokens": 1e9}),
                    ("mistral-7b", {"gpu": "RTX 4090", "targets": "qv", "rank": 64, "seq_len": 4096}),
                    ("llama-3.3-70b", {"gpu": "RTX 5060Ti", "dataset_tokens": 1e7}),
                    ("pythia-2.8b", {"checkpointing": False, "micro_batch": 4, "targets": "attention", "lora_alpha": 8}),
                    ("llama-3.3-70b", {"n_params_active": 1.3e10, "n_experts": 8, "dataset_tokens": 1e8})]:
    cases.append(x20_case("X-20 %s %s" % (short, " ".join("%s=%s" % kv for kv in sets.items()) or "defaults"), short, sets))
# Thresholds: VRAM exactly the LoRA total (fits: ≤) and one ulp less (falls to QLoRA); the same for QLoRA and full.
o = x20("llama-3-8b")
for key, verdict_at, verdict_below, extra in [("lora", "LORA", "QLORA", {}), ("qlora", "QLORA", "DOES NOT FIT", {}),
                                             ("full", "FULL FINE-TUNE", "LORA", {"goal": "new_knowledge"})]:
    v = o[key] / GIB
    for vv, what in [(v * (1 + 1e-9), "just above"), (v, "at"), (nextafter_down(v), "just below")]:
        sets = dict(extra, vram_GiB=vv)
        r = x20("llama-3-8b", **sets)
        assert r["verdict"] == (verdict_below if what == "just below" else verdict_at), (key, what, r["verdict"])
        cases.append(x20_case("X-20 llama-3-8b VRAM %s the %s total" % (what, key), "llama-3-8b", sets))
cases += [error_case("X-20 rank 0", "x20", "llama-3-8b", {"rank": 0}, "'rank' must be integer in"),
          error_case("X-20 unknown targets", "x20", "llama-3-8b", {"targets": "mlp"}, "'targets' must be one of all, attention, qv"),
          error_case("X-20 zero epochs", "x20", "llama-3-8b", {"epochs": 0}, "'epochs' must be number in"),
          error_case("X-20 MFU above 1", "x20", "llama-3-8b", {"mfu": 1.5}, "'mfu' must be number in"),
          error_case("X-20 SSM model", "x20", "llama-3-8b", {"architecture": "SSM"}, "a SSM model adapts other matrices"),
          error_case("X-20 without d_ff", "x20", None, {"n_params": 8e9, "n_layers": 32, "n_attention_heads": 32,
                                                        "n_kv_heads": 8, "d_head": 128, "d_model": 4096}, "needs 'd_ff'")]
write("x20.lua", "X-20", """activations 2·s·d·L (34 without checkpointing); full 16N/n_gpus + act; LoRA P = r·Σ(d_in + d_out)·L,
2N + 16P + act; QLoRA N·4.5/8 + 16P + act; hours FLOPs/(peak·1e12·MFU·n)/3600 with 6ND and (4N + 6P)D;
$ hours·USD/h·n; verdict: new_knowledge → full if it fits, else LoRA, QLoRA, (full), nothing.""", cases)


# ── X-9 ─────────────────────────────────────────────────────────────────
def x9(short, **s):
    m = model(short) if short else {}
    # a preset that ships rope_scaling plans from T_ext with a step of its own
    # before these (the block after the cases below); these cases have none
    assert not m.get("rope_scaling"), short
    m.update(s)
    th, T, L, d = m["theta"], int(m["T_train"]), int(m["T_target"]), m["d_head"]
    gt = m.get("gamma_target", 0.85)
    s_ = L / T
    o = {"s": s_, "naive": gamma_pade(th, L)}
    o["theta_design"] = L * math.sqrt(2) * (1 + gt) / (2 * (1 - gt))
    o["alpha"] = o["theta_design"] / th
    if s_ <= 1:
        o["verdict"] = "NO EXTENSION NEEDED"
        return o
    o["lin"] = gamma_pade(th, L / s_)
    th_dyn = th * (s_ * L / T - (s_ - 1)) ** (d / (d - 2))
    o["dyn"] = gamma_pade(th_dyn, L)
    o["yarn"] = gamma_pade(th * s_, L)
    kind = m.get("rope_type", "auto")
    if kind == "auto":
        kind = "linear" if s_ < 2 else "yarn"
    block = {"rope_type": kind, "factor": s_}
    if kind == "yarn":
        block.update(original_max_position_embeddings=T, beta_fast=32.0, beta_slow=1.0)
    o["snippet"] = json.dumps({"rope_scaling": block, "max_position_embeddings": T if kind == "dynamic" else L},
                              separators=(",", ":"))
    ge = {"linear": o["lin"], "dynamic": o["dyn"], "yarn": o["yarn"]}[kind]
    if not ge > 0.2:
        o["verdict"] = "DEGRADES"
    elif s_ > 4 or o["alpha"] > 8:
        o["verdict"] = "FINE-TUNE REQUIRED"
    elif ge >= 0.6:
        o["verdict"] = "ZERO-SHOT MAY WORK"
    else:
        o["verdict"] = "USE WITH CARE"
    return o


def x9_lines(o):
    lines = [eq("r.verdict", o["verdict"], "verdict"), near("step(r, 1).result", o["s"], "factor"),
             near("step(r, 2).result", o["naive"], "naive γ"), near("step(r, 3).result.theta_design", o["theta_design"]),
             near("step(r, 3).result.alpha_opt", o["alpha"])]
    if "lin" in o:
        lines += [near("step(r, 4).result", o["lin"], "linear γ_eff"), near("step(r, 5).result", o["dyn"], "dynamic γ_eff"),
                  near("step(r, 6).result", o["yarn"], "YaRN γ_eff"), eq("step(r, 7).result", o["snippet"], "config snippet")]
    return lines


def x9_case(title, short, sets):
    return case(title, "x9", short, sets, x9_lines(x9(short, **sets)))


cases = []
# (qwen2.5-7b and mistral-7b state T_train = max_position_embeddings 131072 and 32768:
# their targets are 4× and 1.5× those, the YaRN, linear and dynamic plans)
for short, sets in [("llama-3-8b", {"T_target": 32768}), ("pythia-2.8b", {"T_target": 32768}),
                    ("qwen2.5-7b", {"T_target": 524288}), ("mistral-7b", {"T_target": 49152}),
                    ("mistral-7b", {"T_target": 131072, "rope_type": "dynamic"}),
                    ("pythia-1b", {"T_target": 8192, "rope_type": "linear"}), ("llama-3-8b", {"T_target": 4096})]:
    cases.append(x9_case("X-9 %s %s" % (short, " ".join("%s=%s" % kv for kv in sets.items())), short, sets))
# Thresholds. Factor 1 (no extension) and one token more; factor exactly 4 and one token past it.
for L, what in [(8192, "at factor 1"), (8193, "just past factor 1"), (32767, "just below factor 4"), (32768, "at factor 4"),
                (32769, "just past factor 4")]:
    cases.append(x9_case("X-9 llama-3-8b %s (T_target=%d)" % (what, L), "llama-3-8b", {"T_target": L}))
# α_opt = 8 exactly: θ = θ_design/8 (exact: division by a power of two); one ulp less θ gives α > 8.
L = 16384
thd = L * math.sqrt(2) * (1 + 0.85) / (2 * (1 - 0.85))
th8 = thd / 8
assert thd / th8 == 8.0 and thd / nextafter_down(th8) > 8
for th, what in [(th8 * (1 + 1e-9), "just below"), (th8, "at"), (nextafter_down(th8), "just above")]:
    cases.append(x9_case("X-9 α_opt %s 8" % what, None, {"theta": th, "T_train": 8192, "d_head": 128, "T_target": L}))
# γ_eff bands of YaRN at 2×: γ_Padé(2θ, L) crosses 0.6 and 0.2; find θ at each crossing by bisection.
def yarn_g(th):
    return x9(None, theta=th, T_train=4096, d_head=128, T_target=8192)["yarn"]
for band in (0.6, 0.2):
    t = smallest(lambda th: yarn_g(th) >= band if band == 0.6 else yarn_g(th) > band, 100.0, 1e6)
    for th, what in [(t, "at"), (nextafter_down(t), "just below")]:
        cases.append(x9_case("X-9 YaRN γ_eff %s the %.1f band" % (what, band), None,
                             {"theta": th, "T_train": 4096, "d_head": 128, "T_target": 8192}))
cases += [error_case("X-9 without a target", "x9", "llama-3-8b", {}, "needs 'T_target'"),
          error_case("X-9 γ target 1", "x9", "llama-3-8b", {"T_target": 32768, "gamma_target": 1}, "'gamma_target' must be number in"),
          error_case("X-9 unknown method", "x9", "llama-3-8b", {"T_target": 32768, "rope_type": "longrope"}, "'rope_type' must be one of"),
          error_case("X-9 θ = 1", "x9", "llama-3-8b", {"T_target": 32768, "theta": 1}, "'theta' must be number in %(1, 1e%+15%]"),
          error_case("X-9 head dimension 2", "x9", "llama-3-8b", {"T_target": 32768, "d_head": 2}, "'d_head' must be integer in")]


def t_ext(m):
    """recipes/x9.lua: a model that ships rope_scaling plans from the window it
    reaches, max(max_position_embeddings, T_train); else from T_train."""
    rs = m.get("rope_scaling")
    if rs and rs.get("rope_type", rs.get("type")) not in (None, "default"):
        return int(max(m.get("T_max", m["T_train"]), m["T_train"]))
    return int(m["T_train"])


def sci(x):
    """2000000.0 → "2e6" (as the hand-worked comment writes it)."""
    mant, exp = ("%e" % x).split("e")
    return mant.rstrip("0").rstrip(".") + "e" + str(int(exp))


# A model that ships rope_scaling: factor and γ_eff against T_ext, the verdict of
# the rule above with T = T_ext; the confidence factors worked by hand in the comment.
m = model("llama-3.2-1b")
rs, T = m["rope_scaling"], t_ext(m)
inside = x9(None, theta=m["theta"], T_train=T, d_head=m["d_head"], T_target=T)
beyond = x9(None, theta=m["theta"], T_train=T, d_head=m["d_head"], T_target=2 * T)
assert inside["verdict"] == "NO EXTENSION NEEDED" and beyond["verdict"] == "ZERO-SHOT MAY WORK"
cases.append("""-- A model that ships rope_scaling (llama-3.2-1b: {rt} ×{f:g} from {o} to {T})
-- plans from its extended window T_ext = {T}, by hand:
--   L = {T}: s = 1 → NO EXTENSION NEEDED; factors headroom ½, theta_eff 1, factor 1,
--     benchmarks ½, shipped_scaling 1 → 4/5 = 80%.
--   L = {T2}: s = 2 → auto picks YaRN: γ_Padé(2·{th}, {T2}) =
--     ({th2} − {T2}√2)/({th2} + {T2}√2) = {g!r} (python3) ≥ 0.6, s ≤ 4,
--     α_opt = {T2}√2·1.85/0.3/{th} = {a:.2f} ≤ 8 → ZERO-SHOT MAY WORK; factors
--     shipped ½, headroom ½, theta_eff (YaRN) ½, factor 1, benchmarks ½ → 3/5 = 60%.
test("X-9 llama-3.2-1b inside its shipped llama3 window", function()
  local r = run("x9", {{ model = "llama-3.2-1b", set = {{ T_target = {T} }} }})
  expect_eq(r.verdict, "{v1}", "verdict")
  expect_eq(step(r, 1).name, "Shipped rope_scaling")
  expect_eq(step(r, 1).result, {T}, "T_ext")
  expect_eq(step(r, 1).receipt, "data")
  expect_near(step(r, 2).result, {s1!r}, 1e-12, "factor against T_ext")
  expect_eq(r.confidence.pct, 80, "confidence")
  expect_eq(r.mitigation, "Keep the shipped rope_scaling block as it is.")
end)

test("X-9 llama-3.2-1b beyond its shipped window", function()
  local r = run("x9", {{ model = "llama-3.2-1b", set = {{ T_target = {T2} }} }})
  expect_eq(r.verdict, "{v2}", "verdict")
  expect_near(step(r, 2).result, {s2!r}, 1e-12, "factor against T_ext")
  expect_near(step(r, 7).result, {g!r}, 1e-12, "YaRN γ_eff")
  expect_eq(r.confidence.pct, 60, "confidence")
  local noted = false
  for _, n in ipairs(r.notes) do noted = noted or n:find("already ships rope_scaling {rt}", 1, true) ~= nil end
  expect_eq(noted, true, "note on the shipped scaling")
end)""".format(rt=rs["rope_type"], f=rs["factor"], o=int(rs["original_max_position_embeddings"]), T=T, T2=2 * T,
              th=int(m["theta"]), th2=sci(2 * 2 * m["theta"]), g=beyond["yarn"], a=beyond["alpha"], v1=inside["verdict"],
              v2=beyond["verdict"], s1=inside["s"], s2=beyond["s"]))
write("x9.lua", "X-9", """s = L/T; γ_Padé(θ, L) naive; θ_design(γ*, L) and α_opt = θ_design/θ; linear γ_Padé(θ, L/s);
dynamic γ_Padé(θ(sL/T − s + 1)^(d/(d−2)), L); YaRN γ_Padé(θ·s, L); verdict γ_eff ≤ 0.2 degrades,
s > 4 or α > 8 fine-tune, γ_eff ≥ 0.6 zero-shot, else care; snippet = compact JSON in declared key order.""", cases)


# ── X-10 ────────────────────────────────────────────────────────────────
def x10(short, **s):
    m = model(short) if short else {}
    m.update(s)
    th, d = m["theta"], int(m["d_head"])
    T = int(m.get("T_eval", m.get("T_train", 0)))
    half = d // 2
    na = max(0.0, min(half, d / 2.0 * (1.0 - math.log(T / TWO_PI) / math.log(th))))
    o = {"lam0": TWO_PI, "lam_slow": TWO_PI * th ** (2.0 * (half - 1) / d), "tc": TWO_PI * math.sqrt(th),
         "tm": TWO_PI * th, "na": na, "nr": sum(1 for i in range(half) if TWO_PI * th ** (2.0 * i / d) >= T), "half": half}
    o["verdict"] = "RESOLVED" if T <= o["tc"] else ("DEGRADING" if T <= o["tm"] else "EXHAUSTED")
    return o


def x10_lines(o):
    return [eq("r.verdict", o["verdict"], "verdict"), near("step(r, 1).result.lambda_0", o["lam0"]),
            near("step(r, 1).result.lambda_slowest", o["lam_slow"]), near("step(r, 2).result", o["tc"], "T_cross"),
            near("step(r, 3).result", o["tm"], "T_max"), near("step(r, 4).result.n_active", o["na"], "n_active"),
            eq("step(r, 4).result.pairs_resolving", o["nr"], "pairs by count"), eq("step(r, 4).result.of", o["half"])]


def x10_case(title, short, sets):
    return case(title, "x10", short, sets, x10_lines(x10(short, **sets)))


cases = []
for short, sets in [("llama-3-8b", {}), ("pythia-2.8b", {}), ("qwen2.5-7b", {}), ("phi-3-mini", {"T_eval": 512}),
                    ("llama-3-8b", {"T_eval": 5000000}), ("gemma-2-9b", {"T_eval": 1000000})]:
    cases.append(x10_case("X-10 %s %s" % (short, " ".join("%s=%s" % kv for kv in sets.items()) or "defaults"), short, sets))
# Thresholds that are exact in binary64: θ = (8192/2π)² gives T_cross = 8192; θ = 10000/2π gives T_max = 10000.
th_c = (8192 / TWO_PI) ** 2
assert TWO_PI * math.sqrt(th_c) == 8192.0
for T, what in [(8191, "just below"), (8192, "at"), (8193, "just above")]:
    cases.append(x10_case("X-10 T_eval %s T_cross" % what, None, {"theta": th_c, "d_head": 128, "T_eval": T}))
th_m = 10000 / TWO_PI
assert TWO_PI * th_m == 10000.0
for T, what in [(9999, "just below"), (10000, "at"), (10001, "just above")]:
    cases.append(x10_case("X-10 T_eval %s T_max" % what, None, {"theta": th_m, "d_head": 64, "T_eval": T}))
cases += [error_case("X-10 θ = 1", "x10", "llama-3-8b", {"theta": 1}, "'theta' must be number in %(1, 1e%+15%]"),
          error_case("X-10 head dimension 1", "x10", "llama-3-8b", {"d_head": 1}, "'d_head' must be integer in"),
          error_case("X-10 zero distance", "x10", "llama-3-8b", {"T_eval": 0}, "'T_eval' must be integer in"),
          error_case("X-10 without θ", "x10", None, {"d_head": 128, "T_eval": 4096}, "needs 'theta'"),
          error_case("X-10 without a length", "x10", None, {"theta": 10000, "d_head": 128}, "needs 'T_eval'")]
write("x10.lua", "X-10", """λ_i = 2πθ^(2i/d); T_cross = 2π√θ; T_max = 2πθ; n_active = (d/2)(1 − ln(T/2π)/ln θ) in [0, d/2];
pairs by count #{i < d/2 : λ_i ≥ T}; verdict T ≤ T_cross resolved, ≤ T_max degrading, else exhausted.""", cases)


# ── X-17 ────────────────────────────────────────────────────────────────
def x17(short, **s):
    m = model(short) if short else {}
    m.update(s)
    th, d, N = m["theta"], m["d_head"], int(m["n_layers"])
    T = int(m.get("T_eval", m.get("T_train", 0)))
    frac = math.log(T / TWO_PI) / math.log(th) * (d / 64.0) ** (1.0 / math.sqrt(12.0))
    layer = max(1, min(N, math.floor(frac * N + 0.5)))
    o = {"gg": gamma_pade(th, T), "frac": frac, "layer": layer, "tc": TWO_PI * math.sqrt(th), "tm": TWO_PI * th}
    if "gamma_obs" in m:
        o["delta"] = m["gamma_obs"] - o["gg"]
    if not (0 < frac <= 1):
        o["verdict"] = "NO TRANSITION WITHIN DEPTH"
    elif frac < 1 / 3:
        o["verdict"] = "EARLY TRANSITION"
    elif frac < 2 / 3:
        o["verdict"] = "MID-DEPTH TRANSITION"
    else:
        o["verdict"] = "LATE TRANSITION"
    return o


def x17_lines(o):
    lines = [eq("r.verdict", o["verdict"], "verdict"), near("step(r, 1).result", o["gg"], "γ_geom"),
             near("step(r, 2).result", o["frac"], "L_crit/N"), eq("step(r, 3).result", o["layer"], "layer"),
             near("step(r, 4).result.T_cross", o["tc"]), near("step(r, 4).result.T_max", o["tm"])]
    if "delta" in o:
        lines.append(near("step(r, 5).result", o["delta"], "δ"))
    return lines


def x17_case(title, short, sets):
    return case(title, "x17", short, sets, x17_lines(x17(short, **sets)))


cases = []
for short, sets in [("llama-3-8b", {}), ("pythia-2.8b", {}), ("qwen2.5-7b", {}), ("llama-3-8b", {"T_eval": 512}),
                    ("gemma-2-9b", {"gamma_obs": 0.7}), ("llama-3-8b", {"T_eval": 5000000})]:
    cases.append(x17_case("X-17 %s %s" % (short, " ".join("%s=%s" % kv for kv in sets.items()) or "defaults"), short, sets))
# Thresholds with d_head = 64 (the factor is 1, L_crit/N = ln(T/2π)/ln θ). At 1: θ = T/2π exactly.
th1 = 10000 / TWO_PI
for T, what in [(9999, "just below"), (10000, "at"), (10001, "just above")]:
    cases.append(x17_case("X-17 L_crit/N %s 1" % what, None, {"theta": th1, "d_head": 64, "n_layers": 32, "T_eval": T}))
# At 1/3 and 2/3: θ = (T/2π)^3 and (T/2π)^(3/2) put the landmark on the band edge up to rounding;
# the neighbouring lengths sit on either side (the verdict at T follows the binary64 value).
for k, label in [(3.0, "1/3"), (1.5, "2/3")]:
    thk = (4096 / TWO_PI) ** k
    for T, what in [(4095, "just below"), (4096, "at"), (4097, "just above")]:
        cases.append(x17_case("X-17 L_crit/N %s %s" % (what, label), None, {"theta": thk, "d_head": 64, "n_layers": 30, "T_eval": T}))
# T ≤ 2π: the landmark is at or before layer 0.
cases.append(x17_case("X-17 T_eval below 2π", None, {"theta": 10000, "d_head": 64, "n_layers": 12, "T_eval": 6}))
cases += [error_case("X-17 zero layers", "x17", "llama-3-8b", {"n_layers": 0}, "'n_layers' must be integer in"),
          error_case("X-17 θ below 1", "x17", "llama-3-8b", {"theta": 0.5}, "'theta' must be number in %(1, 1e%+15%]"),
          error_case("X-17 γ_obs not a number", "x17", "llama-3-8b", {"gamma_obs": "high"}, "'gamma_obs' must be number"),
          error_case("X-17 without a model", "x17", None, {}, "needs 'theta'")]
write("x17.lua", "X-17", """γ_geom = γ_Padé(θ, T); L_crit/N = ln(T/2π)/ln θ·(d/64)^(1/√12); layer clamp(⌊frac·N + ½⌋, 1, N);
δ = γ_obs − γ_geom; verdict thirds of the depth, outside (0, 1] no transition.""", cases)
