# tafrun profile (SPEC §9): γ, R² and sink mass measured from attention files.
# The fixtures are exact power-law heads written by the unit test binary:
#   build/tests/test_attn_profile --write-fixtures tests/cli/fixtures/profile
# pl_f32.npy / pl_f16.safetensors: 2 layers × 2 heads, γ = 0.6 + 0.2·head + 0.1·layer
# (0.6 0.8 | 0.7 0.9), each row a[i, i−d] = c·d^−γ with c = 0.5/Σ_{d<48} d^−γ and the rest
# on the diagonal, so the head γ are exact and the sink mass (K = 1) is
# (1 + Σ_i c·i^−γ)/T = 1.5/48 = 0.03125; pl_bf16.safetensors: one head, γ = 0.6.
# The model γ fits the mean curve of the four heads (a mixture, so below their mean γ).

$ tafrun profile tests/cli/fixtures/profile/pl_f32.npy
  γ profile · tests/cli/fixtures/profile/pl_f32.npy
  npy v1.0 · float32 · 2 layers × 2 heads · T = 48 · sink = the first key
  fit: log-binned least squares: 8 bins per octave over d = 8..24, one point per bin (equal weight in log d)
  
  model   γ = 0.7428   R² = 0.999993 (reliable)   log A = -2.6731   13 points
  phase   A — deconfined (RoPE/long)
  sink    0.0312 of attention on the first key
  heads   γ mean 0.7500 · median 0.7500 · sd 0.1118 · range 0.6000 … 0.9000 · 4 reliable, 0 coarse, 0 unreliable
  
  LAYER  γ       R²        SINK    HEADS: γ MEAN  MEDIAN  SD      RECEIPT
  0      0.6949  0.999995  0.0312  0.7000         0.7000  0.1000  reliable
  1      0.7934  0.999996  0.0312  0.8000         0.8000  0.1000  reliable
  
  receipt: R² = 0.999993 > 0.95: γ is a reliable summary of the decay; all 4 heads agree (γ within median ± 0.445)

# float16, tensors written out of order (layers.1 first): natural order reads layers.0 first
$ tafrun profile tests/cli/fixtures/profile/pl_f16.safetensors --sink-tokens 2 --fit-range 4..32
  γ profile · tests/cli/fixtures/profile/pl_f16.safetensors
  safetensors · float16 · 2 layers × 2 heads · T = 48 · sink = the first 2 keys
  fit: log-binned least squares: 8 bins per octave over d = 4..32, one point per bin (equal weight in log d)
  
  model   γ = 0.7445   R² = 0.999975 (reliable)   log A = -2.6672   21 points
  phase   A — deconfined (RoPE/long)
  sink    0.0609 of attention on the first 2 keys
  heads   γ mean 0.7500 · median 0.7500 · sd 0.1118 · range 0.6000 … 0.9000 · 4 reliable, 0 coarse, 0 unreliable
  
  LAYER  γ       R²        SINK    HEADS: γ MEAN  MEDIAN  SD      RECEIPT
  0      0.6963  0.999981  0.0611  0.7000         0.7000  0.1000  reliable
  1      0.7948  0.999986  0.0608  0.8000         0.8000  0.1000  reliable
  
  receipt: R² = 0.999975 > 0.95: γ is a reliable summary of the decay; all 4 heads agree (γ within median ± 0.445)

# bfloat16 [T, T]: γ within 3·2^-8/ln 3 = 0.011 of 0.6 (storage rounding, see test_attn_profile.c)
$ tafrun profile tests/cli/fixtures/profile/pl_bf16.safetensors
  γ profile · tests/cli/fixtures/profile/pl_bf16.safetensors
  safetensors · bfloat16 · 1 layer × 1 head · T = 48 · sink = the first key
  fit: log-binned least squares: 8 bins per octave over d = 8..24, one point per bin (equal weight in log d)
  
  model   γ = 0.6021   R² = 0.999982 (reliable)   log A = -2.9666   13 points
  phase   A — deconfined (RoPE/long)
  sink    0.0312 of attention on the first key
  heads   γ mean 0.6021 · median 0.6021 · sd 0.0000 · range 0.6021 … 0.6021 · 1 reliable, 0 coarse, 0 unreliable
  
  LAYER  γ       R²        SINK    HEADS: γ MEAN  MEDIAN  SD      RECEIPT
  0      0.6021  0.999982  0.0312  0.6021         0.6021  0.0000  reliable
  
  receipt: R² = 0.999982 > 0.95: γ is a reliable summary of the decay

# a γ-atlas measurement: its recorded fit is reproduced (fit_power_law over distances_fit)
$ tafrun profile ../shared/data/atlas/gpt2_mongo.json
  γ profile · ../shared/data/atlas/gpt2_mongo.json
  γ-atlas measurement: gpt2 (θ n/a) · 7 distances · fit over distances_fit 30..500
  
  model   γ = 1.0231   R² = 0.955115 (reliable)   log A = -1.9813   5 points
  phase   Hagedorn (crossover γ≈1)
  atlas   recorded γ = 1.0231175   R² = 0.955115   (reproduced)
  
  receipt: R² = 0.955115 > 0.95: γ is a reliable summary of the decay

# JSON: the model-level fit first, then fit_range, sink_mass, phase, receipt, curve, layers …
$ tafrun profile tests/cli/fixtures/profile/pl_f32.npy --json | head -13
  {
    "gamma": 0.7427755965294915,
    "log_A": -2.6731008890427344,
    "R2": 0.999993,
    "n_points": 13,
    "fit_range": [
      8,
      24
    ],
    "sink_mass": 0.031249999973321486,
    "phase": "A — deconfined (RoPE/long)",
    "receipt": "reliable",
    "curve": [

# layers → heads, both 0-based
$ tafrun profile tests/cli/fixtures/profile/pl_f32.npy --json | grep -A24 '"layers"' | head -25
    "layers": [
      {
        "layer": 0,
        "gamma": 0.6949345418077042,
        "R2": 0.999995,
        "log_A": -2.770674618259064,
        "n_points": 13,
        "sink_mass": 0.03124999999514936,
        "receipt": "reliable",
        "gamma_heads": {
          "n": 2,
          "mean": 0.7000000189325365,
          "median": 0.7000000189325365,
          "sd": 0.09999999068648413,
          "min": 0.6000000282460524,
          "max": 0.8000000096190206
        },
        "heads": [
          {
            "head": 0,
            "gamma": 0.6000000282460524,
            "log_A": -2.9713394376550797,
            "R2": 1.0,
            "sink_mass": 0.03125000008731149,
            "n_points": 13,

$ tafrun profile ../shared/data/atlas/Qwen--Qwen2.5-7B_mongo.json --json | grep -A8 '"recorded"'
      "recorded": {
        "gamma": 0.9966953735480816,
        "log_A": -2.1584093095473813,
        "R2": 0.993942,
        "n_points": 7
      },
      "reproduced": true
    }
  }

# --plot writes a self-contained SVG: well-formed XML, a curve per layer and the model curve,
# the fit in the legend, 13 fitted bins (+ 1 legend marker)
$ d=$(mktemp -d); tafrun profile tests/cli/fixtures/profile/pl_f32.npy --plot $d/p.svg | tail -1 | sed "s|$d|DIR|"; xmllint --noout $d/p.svg && echo well-formed; grep -c '<polyline' $d/p.svg; grep -o 'γ = 0.7428, R² = 0.999993 (reliable)' $d/p.svg; grep -c '<circle' $d/p.svg; rm -rf $d
  plot: DIR/p.svg
  well-formed
  3
  γ = 0.7428, R² = 0.999993 (reliable)
  14

# ── bad files: exit 2, the file named in the message ──

$ tafrun profile tests/cli/fixtures/profile/missing.npy
! tafrun: tests/cli/fixtures/profile/missing.npy: cannot open: No such file or directory
[2]

# truncated data
$ d=$(mktemp -d); head -c 3000 tests/cli/fixtures/profile/pl_f32.npy > $d/cut.npy; cd $d && tafrun profile cut.npy; rc=$?; rm -rf $d; exit $rc
! tafrun: cut.npy: truncated: the header declares shape (2, 2, 48, 48) float32 (36864 bytes of data), the file holds 2872 bytes after the 128-byte header
[2]

# truncated header
$ d=$(mktemp -d); printf "\x93NUMPY\x01\x00\x40\x00{'descr': '<f4'" > $d/hdr.npy; cd $d && tafrun profile hdr.npy; rc=$?; rm -rf $d; exit $rc
! tafrun: hdr.npy: truncated .npy header: it declares 64 bytes, the file holds 15 after the prefix
[2]

# corrupt: no magic
$ d=$(mktemp -d); printf 'not numpy at all' > $d/junk.npy; cd $d && tafrun profile junk.npy; rc=$?; rm -rf $d; exit $rc
! tafrun: junk.npy: not a .npy file (no \x93NUMPY magic)
[2]

# corrupt safetensors header
$ d=$(mktemp -d); printf '\x18\x00\x00\x00\x00\x00\x00\x00{"a": {"dtype": "F32",  ' > $d/bad.safetensors; cd $d && tafrun profile bad.safetensors; rc=$?; rm -rf $d; exit $rc
! tafrun: bad.safetensors: malformed .safetensors header: JSON column 24: string or '}' expected near end of file
[2]

# neither format
$ d=$(mktemp -d); printf 'x' > $d/what.bin; cd $d && tafrun profile what.bin; rc=$?; rm -rf $d; exit $rc
! tafrun: what.bin: unrecognised format: expected .npy, .safetensors or a γ-atlas .json
[2]

# shape mismatch: queries × keys must be square
$ tafrun profile tests/cli/fixtures/profile/not_square.npy
! tafrun: tests/cli/fixtures/profile/not_square.npy: shape mismatch: [2, 48, 24] is not [T,T], [H,T,T] or [L,H,T,T] attention (the last two dimensions are query and key positions)
[2]

# shape mismatch between layers
$ tafrun profile tests/cli/fixtures/profile/heads_mismatch.safetensors
! tafrun: tests/cli/fixtures/profile/heads_mismatch.safetensors: shape mismatch: tensor 'layer.1' is [2, 24, 24], but 'layer.0' has 1 head of 48×48
[2]

$ tafrun profile tests/cli/fixtures/profile/fortran.npy
! tafrun: tests/cli/fixtures/profile/fortran.npy: Fortran-ordered arrays are not supported; save it in C order (numpy.ascontiguousarray)
[2]

# rows that do not sum to 1: row 20 of the head scaled by 0.9
$ tafrun profile tests/cli/fixtures/profile/not_normalised.npy --fit-range 4..20
! tafrun: tests/cli/fixtures/profile/not_normalised.npy: layer 0 head 0 row 20 sums to 0.9 over keys 0..20, not 1 ± 0.001: not causal attention probabilities (softmax rows)
[2]

# an atlas file that fits a distance it never measured
$ d=$(mktemp -d); printf '{"distances": [10, 20], "distances_fit": [10, 30], "attn_by_distance": {"10": 0.1, "20": 0.05}}' > $d/atlas.json; cd $d && tafrun profile atlas.json; rc=$?; rm -rf $d; exit $rc
! tafrun: atlas.json: distance 30 has no entry in attn_by_distance
[2]

# ── bad options ──

# an atlas file keeps the fit it recorded
$ tafrun profile ../shared/data/atlas/gpt2_mongo.json --fit-range 10..100
! tafrun: ../shared/data/atlas/gpt2_mongo.json: a γ-atlas measurement is fitted over its own distances_fit; a fit range does not apply
[2]

# no file
$ tafrun profile
! tafrun: profile needs FILE: attention probabilities (.npy, .safetensors) or a γ-atlas .json
[2]

$ tafrun profile tests/cli/fixtures/profile/pl_f32.npy --fit-range 8
! tafrun: --fit-range expects D1..D2 with 1 <= D1 < D2, got '8'
[2]

$ tafrun profile tests/cli/fixtures/profile/pl_f32.npy --fit-range 8..48
! tafrun: tests/cli/fixtures/profile/pl_f32.npy: fit range 8..48 reaches past the longest distance T-1 = 47
[2]

$ tafrun profile tests/cli/fixtures/profile/pl_f32.npy --fit-range 30..31
! tafrun: tests/cli/fixtures/profile/pl_f32.npy: fit range 30..31 lies inside one log bin (1/8 octave); widen it
[2]

$ tafrun profile tests/cli/fixtures/profile/pl_f32.npy --sink-tokens 0
! tafrun: --sink-tokens expects an integer >= 1, got '0'
[2]

$ tafrun profile tests/cli/fixtures/profile/pl_f32.npy --sink-tokens 49
! tafrun: tests/cli/fixtures/profile/pl_f32.npy: sink tokens K = 49 exceeds T = 48
[2]

$ tafrun profile tests/cli/fixtures/profile/pl_f32.npy --plot /nonexistent/dir/p.svg
! tafrun: --plot: cannot write /nonexistent/dir/p.svg: No such file or directory
[2]

$ tafrun x19 --model qwen2.5-7b --plot p.svg
! tafrun: --sink-tokens, --fit-range and --plot apply only to 'tafrun profile'
! ...
[2]

# ── the sandbox: a recipe profiles only files below its tree or named on the command line ──

$ tafrun tests/cli/fixtures/profile/read_outside.lua
! tafrun: tests/cli/fixtures/profile/read_outside.lua:7: /etc/hostname: reading files outside the recipe, pack and command-line paths needs --trust
!   (in T-PROF Profile outside, step 1)
[1]

$ d=$(mktemp -d); cp tests/cli/fixtures/profile/pl_bf16.safetensors $d/attn.safetensors; tafrun tests/cli/fixtures/profile/read_outside.lua --set attention=$d/attn.safetensors --json | grep -m1 '"result"'; rm -rf $d
        "result": 0.6020796988231144,

# ── special files (class 6): refused before they are opened for reading ──
# (`timeout 10` turns a reader that blocked again into exit 124, not a hung suite)

$ d=$(mktemp -d); mkfifo $d/attn.npy; cd $d && timeout 10 "$TAFRUN_BIN" profile attn.npy; rc=$?; rm -rf $d; exit $rc
! tafrun: attn.npy: not a regular file
[2]

$ timeout 10 "$TAFRUN_BIN" profile /dev/zero
! tafrun: /dev/zero: not a regular file
[2]

# a recipe's attention file given with --set is read by the same reader
$ d=$(mktemp -d); mkfifo $d/attn.safetensors; timeout 10 "$TAFRUN_BIN" tests/cli/fixtures/profile/read_outside.lua --set attention=$d/attn.safetensors 2>&1 | sed "s|$d|DIR|"; rc=${PIPESTATUS[0]}; rm -rf $d; exit $rc
  tafrun: DIR/attn.safetensors: not a regular file
[2]

# ── impossible γ-atlas values (class 9): exit 2, the file and the field named ──

# a negative mean attention
$ d=$(mktemp -d); printf '{"distances": [10, 20], "distances_fit": [10, 20], "attn_by_distance": {"10": {"mean_across_seeds": 0.1}, "20": {"mean_across_seeds": -0.05}}}' > $d/atlas.json; cd $d && tafrun profile atlas.json; rc=$?; rm -rf $d; exit $rc
! tafrun: atlas.json: attn_by_distance["20"].mean_across_seeds = -0.05: a mean attention probability is in [0, 1]
[2]

# the same as a bare number, and a mean above 1
$ d=$(mktemp -d); printf '{"distances": [10, 20], "distances_fit": [10, 20], "attn_by_distance": {"10": -1e-9, "20": 0.05}}' > $d/atlas.json; cd $d && tafrun profile atlas.json; rc=$?; rm -rf $d; exit $rc
! tafrun: atlas.json: attn_by_distance["10"] = -1e-09: a mean attention probability is in [0, 1]
[2]

$ d=$(mktemp -d); printf '{"distances": [10, 20], "distances_fit": [10, 20], "attn_by_distance": {"10": 1.5, "20": 0.05}}' > $d/atlas.json; cd $d && tafrun profile atlas.json; rc=$?; rm -rf $d; exit $rc
! tafrun: atlas.json: attn_by_distance["10"] = 1.5: a mean attention probability is in [0, 1]
[2]

# a repeated distance, and distances out of order (the atlas lists each once, smallest first)
$ d=$(mktemp -d); printf '{"distances": [10, 20, 20], "distances_fit": [10, 20], "attn_by_distance": {"10": 0.1, "20": 0.05}}' > $d/atlas.json; cd $d && tafrun profile atlas.json; rc=$?; rm -rf $d; exit $rc
! tafrun: atlas.json: distances[2] = 20 repeats distances[1] = 20: distances must be strictly increasing
[2]

$ d=$(mktemp -d); printf '{"distances": [10, 20, 30], "distances_fit": [30, 10], "attn_by_distance": {"10": 0.1, "20": 0.05, "30": 0.03}}' > $d/atlas.json; cd $d && tafrun profile atlas.json; rc=$?; rm -rf $d; exit $rc
! tafrun: atlas.json: distances_fit[1] = 10 is below distances_fit[0] = 30: distances must be strictly increasing
[2]

# θ <= 0, and a negative recorded point count
$ d=$(mktemp -d); printf '{"theta": -10000, "distances": [10, 20], "distances_fit": [10, 20], "attn_by_distance": {"10": 0.1, "20": 0.05}}' > $d/atlas.json; cd $d && tafrun profile atlas.json; rc=$?; rm -rf $d; exit $rc
! tafrun: atlas.json: theta must be a number > 0 (or null), got -10000
[2]

$ d=$(mktemp -d); printf '{"distances": [10, 20], "distances_fit": [10, 20], "attn_by_distance": {"10": 0.1, "20": 0.05}, "fit_power_law": {"gamma": 0.8, "R2": 0.99, "n_points": -2}}' > $d/atlas.json; cd $d && tafrun profile atlas.json; rc=$?; rm -rf $d; exit $rc
! tafrun: atlas.json: fit_power_law.n_points must be an integer >= 0
[2]
