# Real model inputs (SPEC §8): --config and --gguf on every recipe command,
# show-model, and bad files: exit 2, the file name first, what is wrong.

# every fixture config runs X-2 at 64K (the list is tests/data/hf-configs/INDEX.json)
$ n=0; for f in tests/data/hf-configs/*.json; do [ "${f##*/}" = INDEX.json ] && continue; tafrun x2 --config "$f" --set T_eval=65536 --json > /dev/null || echo "FAILED $f"; n=$((n+1)); done; echo "$n configs"
  47 configs

$ tafrun x2 --config tests/data/hf-configs/deepseek-v3.json --set T_eval=65536 --json | tafrun --trust -e 'local r = taf.json.decode(io.read("a")); local s = r.chain[#r.chain]; print(r.verdict, s.formula, s.result.bytes)'
  NO	L·(kv_lora_rank + qk_rope_head_dim)·seq·B	4605345792.0

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
! tafrun: .*/nan.json: line 2 column 1[0-9]: .* (re)
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
