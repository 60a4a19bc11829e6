# Real model inputs (SPEC §8): --config and --gguf on every recipe command,
# show-model, and bad files: exit 2, the file name first, what is wrong.

# every fixture config runs X-2 at 64K (the list is tests/data/hf-configs/INDEX.json), the
# pending ones too: "FAILED" names any that does not; the count only grows as fixtures are added
$ n=0; for f in tests/data/hf-configs/*.json tests/data/hf-configs/pending/*.json; do [ "${f##*/}" = INDEX.json ] && continue; tafrun x2 --config "$f" --set T_eval=65536 --json > /dev/null || echo "FAILED $f"; n=$((n+1)); done; [ "$n" -ge 86 ] && echo "at least 86 configs"
  at least 86 configs

$ tafrun x2 --config tests/data/hf-configs/deepseek-v3.json --set T_eval=65536 --json | tafrun --trust -e 'local r = taf.json.decode(io.read("a")); local s; for _, x in ipairs(r.chain) do if x.name == "KV cache memory" then s = x end end; print(r.verdict, s.formula, s.result.bytes)'
  YES	L·(kv_lora_rank + qk_rope_head_dim)·seq·B	4605345792.0

$ tafrun x2 --config tests/data/hf-configs/mamba-130m-hf.json --set T_eval=65536 --json | tafrun --trust -e 'local r = taf.json.decode(io.read("a")); print(r.verdict, r.chain[1].name, r.chain[2].result.bytes)'
  DEGRADED	Position encoding	1400832.0

# --set wins over what the file says
$ tafrun x2 --config tests/data/hf-configs/llama-3.1-8b.json --set T_train=131072 --set T_eval=65536 --json | tafrun --trust -e 'local r = taf.json.decode(io.read("a")); print(r.inputs.T_train, r.inputs.theta)'
  131072	500000

$ tafrun x19 --config tests/data/hf-configs --set T_eval=4096
! tafrun: tests/data/hf-configs/config.json: cannot open: No such file or directory
[2]

$ tafrun show-model --config tests/data/hf-configs/gemma-2-9b.json | head -4
  gemma-2-9b
  source: config.json at tests/data/hf-configs/gemma-2-9b.json
    FIELD                VALUE
    family               gemma2

$ tafrun show-model --config tests/data/hf-configs/gemma-2-9b.json | grep -E "^  (n_swa_layers|n_params|sliding_window) " | tr -s ' '
   n_params 9241705984 (9.2B)
   sliding_window 4096
   n_swa_layers 21

$ tafrun show-model --gguf tests/fuzz/corpus/gguf/llama_v3.gguf | grep -E "^  (n_params|bytes_per_weight|gguf|dtype) " | tr -s ' '
   dtype Q4_K_M
   n_params 197376
   bytes_per_weight 0.90013
   gguf bits_per_weight=7.20104, file_type=15, file_type_name=Q4_K_M, metadata=11, tensors=3, version=3, weight_bytes=177664

$ tafrun show-model --config tests/data/hf-configs/llama-3.1-8b.json --json | tafrun --trust -e 'local m = taf.json.decode(io.read("a")); print(m.id, m.architecture, m.T_train, m.rope_scaling.rope_type, #m.notes > 0)'
  llama-3.1-8b	FULL	8192	llama3	true

$ tafrun x2 --model llama-3-8b --config tests/data/hf-configs/gpt2.json
! tafrun: give one model source: --model, --config or --gguf
! ...
[2]

$ tafrun show-model
! tafrun: show-model needs --config PATH, --gguf PATH or --model ID
[2]

# bad files: exit 2, never a crash
$ printf '{"model_type": "llama",\n "hidden_size": NaN}' > "${TMPDIR:-/tmp}/nan.json"; tafrun x2 --config "${TMPDIR:-/tmp}/nan.json"
! tafrun: .*/nan.json: hidden_size must be a finite number, got NaN (re)
[2]

$ printf '{"model_type": "llama",\n "hidden_size": NaNx}' > "${TMPDIR:-/tmp}/nan.json"; tafrun x2 --config "${TMPDIR:-/tmp}/nan.json"
! tafrun: .*/nan.json: line 2 column [0-9]+: invalid token near .NaNx. (re)
[2]

$ printf '{"model_type": "llama", "hidden_size": "4096"}' > "${TMPDIR:-/tmp}/type.json"; tafrun x2 --config "${TMPDIR:-/tmp}/type.json"
! tafrun: .*/type.json: hidden_size must be a number, got a string (re)
[2]

$ printf '[1,2]' > "${TMPDIR:-/tmp}/arr.json"; tafrun show-model --config "${TMPDIR:-/tmp}/arr.json"
! tafrun: .*/arr.json: the top level is an array, expected an object (re)
[2]

$ head -c 300 tests/fuzz/corpus/gguf/llama_v3.gguf > "${TMPDIR:-/tmp}/cut.gguf"; tafrun x5 --gguf "${TMPDIR:-/tmp}/cut.gguf"
! tafrun: .*/cut.gguf: (truncated at byte [0-9]+ of 300 while reading|.*longer than the) .* (re)
[2]

$ printf 'GGML\003\000\000\000' > "${TMPDIR:-/tmp}/magic.gguf"; tafrun x5 --gguf "${TMPDIR:-/tmp}/magic.gguf"
! tafrun: .*/magic.gguf: not a GGUF file \(magic \\x47\\x47\\x4d\\x4c, expected 'GGUF'\) (re)
[2]

$ printf 'GGUF\003\000\000\000\000\000\000\000\000\000\000\000\377\377\377\377\377\377\377\377' > "${TMPDIR:-/tmp}/count.gguf"; tafrun x5 --gguf "${TMPDIR:-/tmp}/count.gguf"
! tafrun: .*/count.gguf: metadata count 18446744073709551615 cannot fit in the 0 bytes left (re)
[2]

$ tafrun x5 --gguf no/such.gguf
! tafrun: no/such.gguf: cannot open: No such file or directory
[2]

# untrusted recipes cannot read files outside their pack and the command line
$ tafrun tests/cli/fixtures/read_outside.lua
! tafrun: .*read_outside.lua:5: /etc/hostname: reading files outside the recipe, pack and command-line paths needs --trust (re)
! ...
[1]

# a quantization method tafrun does not model is named as the dtype: sizing
# weights stops and asks, instead of counting the compute type's bf16 bytes
$ d=$(mktemp -d); printf '{"model_type":"llama","hidden_size":64,"num_hidden_layers":2,"num_attention_heads":4,"vocab_size":10,"max_position_embeddings":4096,"torch_dtype":"bfloat16","quantization_config":{"quant_method":"mxfp4"}}' > $d/config.json; tafrun x4 --config $d; echo "exit $?"; tafrun show-model --config $d | grep -E '^  dtype|mxfp4:'; rm -rf $d
! tafrun: unknown weight format 'mxfp4' for 'weight_format' (given with --set, or the model's dtype: see 'tafrun show-model'); nearest: FP8, NF4, BF16 (all: taf.quant_formats())
  exit 2
    dtype                mxfp4
    - dtype = mxfp4: quantization_config (quant_method mxfp4) is not a weight format tafrun models; give --set weight_format=… (torch_dtype bfloat16 is the compute type)

# ── special files (class 6): anything but a regular file is refused before it
# is opened for reading, so a FIFO never blocks and a device never streams.
# `timeout 10` turns a reader that blocked again into exit 124, not a hung suite.

# a FIFO given as --config
$ d=$(mktemp -d); mkfifo $d/config.json; cd $d && timeout 10 "$TAFRUN_BIN" show-model --config config.json; rc=$?; rm -rf $d; exit $rc
! tafrun: config.json: not a regular file
[2]

# a folder whose config.json is a FIFO (the folder itself is allowed)
$ d=$(mktemp -d); mkdir $d/model; mkfifo $d/model/config.json; cd $d && timeout 10 "$TAFRUN_BIN" show-model --config model; rc=$?; rm -rf $d; exit $rc
! tafrun: model/config.json: not a regular file
[2]

# a FIFO given as --gguf
$ d=$(mktemp -d); mkfifo $d/m.gguf; cd $d && timeout 10 "$TAFRUN_BIN" show-model --gguf m.gguf; rc=$?; rm -rf $d; exit $rc
! tafrun: m.gguf: not a regular file
[2]

# a character device that never ends, as either
$ timeout 10 "$TAFRUN_BIN" show-model --config /dev/zero
! tafrun: /dev/zero: not a regular file
[2]

$ timeout 10 "$TAFRUN_BIN" x4 --gguf /dev/zero
! tafrun: /dev/zero: not a regular file
[2]

# a pack module that is a FIFO: require fails on the shown path (a runtime
# error, exit 1, as for a module shipped as bytecode)
$ d=$(mktemp -d); mkdir -p $d/p/recipes; printf 'return pack { name = "fifo", version = "1.0.0", description = "a module that is a FIFO", requires = ">= 0.1" }\n' > $d/p/pack.lua; printf 'return require "mod"\n' > $d/p/recipes/evil.lua; mkfifo $d/p/recipes/mod.lua; cd $d && timeout 10 "$TAFRUN_BIN" --pack p evil; rc=$?; rm -rf $d; exit $rc
! tafrun: p/recipes/mod.lua: not a regular file
[1]

# ── impossible values (class 9): exit 2, the file and the key named ──
# GGUF v3 headers written byte by byte (ggml docs/gguf.md): "GGUF", version 3,
# 0 tensors, N pairs; each key a uint64 length and its bytes, a uint32 type
# (4 UINT32, 5 INT32, 6 FLOAT32, 8 STRING), the value little-endian. Every file
# starts with general.architecture = "llama" (20-byte key, 5-byte string).

# rope.freq_base NaN (FLOAT32 0x7fc00000): once replaced by 10000 and noted "absent"
$ d=$(mktemp -d); printf 'GGUF\3\0\0\0\0\0\0\0\0\0\0\0\2\0\0\0\0\0\0\0\24\0\0\0\0\0\0\0general.architecture\10\0\0\0\5\0\0\0\0\0\0\0llama\24\0\0\0\0\0\0\0llama.rope.freq_base\6\0\0\0\0\0\300\177' > $d/t.gguf; cd $d && tafrun show-model --gguf t.gguf; rc=$?; rm -rf $d; exit $rc
! tafrun: t.gguf: llama.rope.freq_base must be a finite number > 0, got nan
[2]

# rope.freq_base −10000 (0xc61c4000)
$ d=$(mktemp -d); printf 'GGUF\3\0\0\0\0\0\0\0\0\0\0\0\2\0\0\0\0\0\0\0\24\0\0\0\0\0\0\0general.architecture\10\0\0\0\5\0\0\0\0\0\0\0llama\24\0\0\0\0\0\0\0llama.rope.freq_base\6\0\0\0\0\100\34\306' > $d/t.gguf; cd $d && tafrun show-model --gguf t.gguf; rc=$?; rm -rf $d; exit $rc
! tafrun: t.gguf: llama.rope.freq_base must be a finite number > 0, got -10000
[2]

# rope.freq_base 0
$ d=$(mktemp -d); printf 'GGUF\3\0\0\0\0\0\0\0\0\0\0\0\2\0\0\0\0\0\0\0\24\0\0\0\0\0\0\0general.architecture\10\0\0\0\5\0\0\0\0\0\0\0llama\24\0\0\0\0\0\0\0llama.rope.freq_base\6\0\0\0\0\0\0\0' > $d/t.gguf; cd $d && tafrun show-model --gguf t.gguf; rc=$?; rm -rf $d; exit $rc
! tafrun: t.gguf: llama.rope.freq_base must be a finite number > 0, got 0
[2]

# rope.freq_base +∞ (0x7f800000): once accepted as θ = ∞
$ d=$(mktemp -d); printf 'GGUF\3\0\0\0\0\0\0\0\0\0\0\0\2\0\0\0\0\0\0\0\24\0\0\0\0\0\0\0general.architecture\10\0\0\0\5\0\0\0\0\0\0\0llama\24\0\0\0\0\0\0\0llama.rope.freq_base\6\0\0\0\0\0\200\177' > $d/t.gguf; cd $d && tafrun x19 --gguf t.gguf; rc=$?; rm -rf $d; exit $rc
! tafrun: t.gguf: llama.rope.freq_base must be a finite number > 0, got inf
[2]

# head_count_kv 8 > head_count 4 (UINT32; keys of 26 and 29 bytes), as
# config.json's num_key_value_heads > num_attention_heads is refused
$ d=$(mktemp -d); printf 'GGUF\3\0\0\0\0\0\0\0\0\0\0\0\3\0\0\0\0\0\0\0\24\0\0\0\0\0\0\0general.architecture\10\0\0\0\5\0\0\0\0\0\0\0llama\32\0\0\0\0\0\0\0llama.attention.head_count\4\0\0\0\4\0\0\0\35\0\0\0\0\0\0\0llama.attention.head_count_kv\4\0\0\0\10\0\0\0' > $d/t.gguf; cd $d && tafrun show-model --gguf t.gguf; rc=$?; rm -rf $d; exit $rc
! tafrun: t.gguf: llama.attention.head_count_kv 8 exceeds llama.attention.head_count 4
[2]

# a count below zero: block_count INT32 −2 (once dropped as if absent)
$ d=$(mktemp -d); printf 'GGUF\3\0\0\0\0\0\0\0\0\0\0\0\2\0\0\0\0\0\0\0\24\0\0\0\0\0\0\0general.architecture\10\0\0\0\5\0\0\0\0\0\0\0llama\21\0\0\0\0\0\0\0llama.block_count\5\0\0\0\376\377\377\377' > $d/t.gguf; cd $d && tafrun show-model --gguf t.gguf; rc=$?; rm -rf $d; exit $rc
! tafrun: t.gguf: llama.block_count must be an integer >= 0, got -2
[2]

# a length that is NaN: context_length FLOAT32 NaN (once "T_train: no context_length")
$ d=$(mktemp -d); printf 'GGUF\3\0\0\0\0\0\0\0\0\0\0\0\2\0\0\0\0\0\0\0\24\0\0\0\0\0\0\0general.architecture\10\0\0\0\5\0\0\0\0\0\0\0llama\24\0\0\0\0\0\0\0llama.context_length\6\0\0\0\0\0\300\177' > $d/t.gguf; cd $d && tafrun show-model --gguf t.gguf; rc=$?; rm -rf $d; exit $rc
! tafrun: t.gguf: llama.context_length must be an integer >= 0, got nan
[2]

# rope scaling factor −2 (0xc0000000) under rope.scaling.type "linear": the
# config.json reader's rope_scaling.factor check
$ d=$(mktemp -d); printf 'GGUF\3\0\0\0\0\0\0\0\0\0\0\0\3\0\0\0\0\0\0\0\24\0\0\0\0\0\0\0general.architecture\10\0\0\0\5\0\0\0\0\0\0\0llama\27\0\0\0\0\0\0\0llama.rope.scaling.type\10\0\0\0\6\0\0\0\0\0\0\0linear\31\0\0\0\0\0\0\0llama.rope.scaling.factor\6\0\0\0\0\0\0\300' > $d/t.gguf; cd $d && tafrun show-model --gguf t.gguf; rc=$?; rm -rf $d; exit $rc
! tafrun: t.gguf: llama.rope.scaling.factor must be a number > 0, got -2
[2]

# config.json: θ <= 0, a non-finite θ (JSON has no NaN or ∞: an overflowing
# literal is a syntax error), and lengths <= 0
$ d=$(mktemp -d); printf '{"model_type":"llama","hidden_size":64,"num_hidden_layers":2,"num_attention_heads":4,"rope_theta":0}' > $d/c.json; cd $d && tafrun show-model --config c.json; rc=$?; rm -rf $d; exit $rc
! tafrun: c.json: rope_theta must be a number in [1e-09, 1e+15], got 0
[2]

$ d=$(mktemp -d); printf '{"model_type":"llama","hidden_size":64,"num_hidden_layers":2,"num_attention_heads":4,"rope_theta":-500000}' > $d/c.json; cd $d && tafrun show-model --config c.json; rc=$?; rm -rf $d; exit $rc
! tafrun: c.json: rope_theta must be a number in [1e-09, 1e+15], got -500000
[2]

$ d=$(mktemp -d); printf '{"model_type":"llama","hidden_size":64,"num_hidden_layers":2,"num_attention_heads":4,"rope_parameters":{"rope_type":"default","rope_theta":0}}' > $d/c.json; cd $d && tafrun show-model --config c.json; rc=$?; rm -rf $d; exit $rc
! tafrun: c.json: rope_parameters.rope_theta must be a number in [1e-09, 1e+15], got 0
[2]

$ d=$(mktemp -d); printf '{"rope_theta":1e400}' > $d/c.json; cd $d && tafrun show-model --config c.json; rc=$?; rm -rf $d; exit $rc
! tafrun: c.json: line 1 column 19: real number overflow near '1e400'
[2]

$ d=$(mktemp -d); printf '{"model_type":"llama","hidden_size":64,"num_hidden_layers":2,"num_attention_heads":4,"max_position_embeddings":0}' > $d/c.json; cd $d && tafrun show-model --config c.json; rc=$?; rm -rf $d; exit $rc
! tafrun: c.json: max_position_embeddings must be an integer in [1, 1e+15], got 0
[2]

$ d=$(mktemp -d); printf '{"model_type":"llama","hidden_size":64,"num_hidden_layers":2,"num_attention_heads":4,"max_position_embeddings":-4096}' > $d/c.json; cd $d && tafrun show-model --config c.json; rc=$?; rm -rf $d; exit $rc
! tafrun: c.json: max_position_embeddings must be an integer in [1, 1e+15], got -4096
[2]

# rope_scaling's original length <= 0 (once ignored: T_train fell back to max_position_embeddings)
$ d=$(mktemp -d); printf '{"model_type":"llama","hidden_size":64,"num_hidden_layers":2,"num_attention_heads":4,"max_position_embeddings":32768,"rope_scaling":{"type":"linear","factor":4,"original_max_position_embeddings":0}}' > $d/c.json; cd $d && tafrun show-model --config c.json; rc=$?; rm -rf $d; exit $rc
! tafrun: c.json: rope_scaling.original_max_position_embeddings must be an integer in [1, 1e+15], got 0
[2]

# a longrope per-dimension factor <= 0
$ d=$(mktemp -d); printf '{"model_type":"phi3","hidden_size":64,"num_hidden_layers":2,"num_attention_heads":4,"max_position_embeddings":131072,"rope_scaling":{"type":"longrope","long_factor":[1.0,-1.5],"short_factor":[1.0,1.0]}}' > $d/c.json; cd $d && tafrun show-model --config c.json; rc=$?; rm -rf $d; exit $rc
! tafrun: c.json: rope_scaling.long_factor[1] must be > 0, got -1.5
[2]

# Hybrid and new attention kinds (issue #17): each layer kind caches what it keeps. MiniMax-M1
# (attn_type_list): 10 softmax layers of 80 cache every token, 70 lightning layers a 64·128·128 state:
# 10·2·8·128·131072·2 + 70·64·128·128·2 = 5,368,709,120 + 146,800,640 bytes
$ tafrun show-model --config tests/data/hf-configs/minimax-m1.json | grep -E "^  (architecture|n_attention_layers|state_elements|n_params) " | tr -s ' '
   architecture HYBRID
   n_params 456089655296 (456.1B)
   n_attention_layers 10
   state_elements 73400320

$ tafrun -e 'print(taf.kv_cache_memory_model(taf.read_config("tests/data/hf-configs/minimax-m1.json"), 131072).bytes)'
  5515509760.0

$ tafrun x14 --config tests/data/hf-configs/minimax-m1.json | grep -E "VERDICT|Recall layers" | tr -s ' '
  VERDICT: HYBRID
   4 ch. 18 Recall layers 0.125 derived 10 of 80 layers can look anything up

# Qwen3-Next (full_attention_interval 4): 12 full layers, 36 Gated DeltaNet layers of
# 32·128·128 + (2·16·128 + 32·128)·3 state: 12·2·2·256·131072·2 + 36·548864·2 bytes
$ tafrun -e 'local m = taf.read_config("tests/data/hf-configs/qwen3-next-80b-a3b-instruct.json"); print(m.architecture, m.n_attention_layers, m.state_elements, taf.kv_cache_memory_model(m, 131072).bytes)'
  HYBRID	12	19759104	3260743680.0

$ tafrun x14 --config tests/data/hf-configs/qwen3-next-80b-a3b-instruct.json | grep -E "VERDICT|Recall layers" | tr -s ' '
  VERDICT: HYBRID
   4 ch. 18 Recall layers 0.25 derived 12 of 48 layers can look anything up

# Llama 4 Scout: 36 chunked RoPE layers keep at most one 8192-token chunk, the 12 NoPE layers
# every token: 2·8·128·2·(12·131072 + 36·8192) bytes (48 full layers would be 25,769,803,776)
$ tafrun -e 'local m = taf.read_config("tests/data/hf-configs/pending/llama-4-scout-17b-16e-instruct.json"); print(m.architecture, m.n_swa_layers, m.sliding_window, m.n_attention_layers, taf.kv_cache_memory_model(m, 131072).bytes)'
  SWA	36	8192	48	7650410496.0

$ tafrun x2 --config tests/data/hf-configs/pending/llama-4-scout-17b-16e-instruct.json --set T_eval=131072 --json | tafrun --trust -e 'local r = taf.json.decode(io.read("a")); for _, x in ipairs(r.chain) do if x.name == "KV cache memory" then print(x.result.bytes, x.interpretation) end end'
  7650410496.0	7.12 GiB (7.65 GB) per request (36 of 48 layers keep at most 8192 tokens)

# gpt-oss-20b: sliding_attention (128) on alternate layers; the attention sinks add no KV:
# 2·8·64·2·(12·131072 + 12·128) bytes
$ tafrun -e 'print(taf.kv_cache_memory_model(taf.read_config("tests/data/hf-configs/gpt-oss-20b.json"), 131072).bytes)'
  3224371200.0

# an unknown model_type is classified by its layer fields, not read as Llama
$ printf '{"model_type": "brand_new", "hidden_size": 256, "num_hidden_layers": 4, "num_attention_heads": 4, "num_key_value_heads": 2, "vocab_size": 100, "layer_types": ["linear_attention", "linear_attention", "linear_attention", "full_attention"], "linear_num_key_heads": 2, "linear_num_value_heads": 4, "linear_key_head_dim": 32, "linear_value_head_dim": 32, "linear_conv_kernel_dim": 4}' > "${TMPDIR:-/tmp}/linear.json"; tafrun x14 --config "${TMPDIR:-/tmp}/linear.json" | grep -E "VERDICT|Recall layers" | tr -s ' '
  VERDICT: HYBRID
   4 ch. 18 Recall layers 0.25 derived 1 of 4 layers can look anything up

# the mamba_ssm package's own config.json (no model_type; mamba_ssm defaults for what ssm_cfg leaves out)
$ tafrun show-model --config tests/data/hf-configs/mamba2-2.7b.json | grep -E "^  (family|architecture|vocab|n_params|state_elements) |mixer" | tr -s ' '
   family mamba_ssm
   architecture SSM
   vocab 50288
   n_params 2702599680 (2.7B)
   state_elements 42975232
   - mamba_ssm Mamba2 mixer: d_state 128, d_conv 4, expand 2 (mamba_ssm defaults where ssm_cfg is silent)

# Python's json writes Infinity, -Infinity and NaN: accepted where tafrun does not read the
# field (Mamba-2 hybrids' time_step_limit), refused by name where the number matters
$ sed 's/"time_step_floor"/"time_step_limit": [0.0, Infinity], "time_step_floor"/' tests/data/hf-configs/mamba-codestral-7b-v0.1.json > "${TMPDIR:-/tmp}/inf.json"; grep -c Infinity "${TMPDIR:-/tmp}/inf.json"; tafrun show-model --config "${TMPDIR:-/tmp}/inf.json" | grep -E "^  (architecture|n_params) " | tr -s ' '
  1
   architecture SSM
   n_params 7285403648 (7.3B)

$ sed 's/"rope_theta": 500000.0/"rope_theta": Infinity/' tests/data/hf-configs/llama-3.1-8b.json > "${TMPDIR:-/tmp}/inf.json"; tafrun show-model --config "${TMPDIR:-/tmp}/inf.json"
! tafrun: .*/inf.json: rope_theta must be a finite number, got Infinity (re)
[2]

$ tafrun -e 'print(taf.kv_cache_memory_model(taf.read_config("tests/data/hf-configs/minimax-m1.json"), 131072).GB)'
  5.51550976
