# Models already on disk (issue #17), read offline from a Hugging Face cache
# and an Ollama store the cases build in a temp folder: config.json and the
# exact weight bytes (never the weights), a GGUF header through a manifest.

# Llama-3.1-8B's config under another repo name (not a preset); its
# model.safetensors.index.json total_size 16,060,522,496 over the 8,030,261,248
# parameters the reader counts is 2 bytes a weight (bf16)
$ d=$(mktemp -d); r=$d/hub/models--acme--Tiny-Llama-8B; mkdir -p $r/refs $r/snapshots/abc123; printf 'abc123\n' > $r/refs/main; cp tests/data/hf-configs/llama-3.1-8b.json $r/snapshots/abc123/config.json; printf '{"metadata":{"total_size":16060522496},"weight_map":{}}' > $r/snapshots/abc123/model.safetensors.index.json; HF_HUB_CACHE=$d/hub tafrun show-model --model acme/tiny-llama-8b --json | tafrun --trust -e 'local m = taf.json.decode(io.read("a")); print(m.id, m.n_params, m.bytes_per_weight, m.source:match("^Hugging Face cache") ~= nil)'; rm -rf $d
  acme/Tiny-Llama-8B	8030261248	2.0	true

$ d=$(mktemp -d); r=$d/hf/hub/models--acme--Tiny-Llama-8B; mkdir -p $r/refs $r/snapshots/abc123; printf 'abc123' > $r/refs/main; cp tests/data/hf-configs/llama-3.1-8b.json $r/snapshots/abc123/config.json; HF_HOME=$d/hf tafrun list models --local | cut -c1-30 | sed 's/ *$//'; rm -rf $d
  MODEL               FOUND IN
  acme/Tiny-Llama-8B  hf-cache

# ollama:NAME:TAG → manifest → the model layer's blob → its GGUF header
$ d=$(mktemp -d); mkdir -p $d/manifests/registry.ollama.ai/library/tiny $d/blobs; cp tests/fuzz/corpus/gguf/llama_v3.gguf $d/blobs/sha256-0123abcd; printf '{"schemaVersion":2,"layers":[{"mediaType":"application/vnd.ollama.image.license","digest":"sha256:ff"},{"mediaType":"application/vnd.ollama.image.model","digest":"sha256:0123abcd","size":1}]}' > $d/manifests/registry.ollama.ai/library/tiny/q4; OLLAMA_MODELS=$d tafrun show-model --model ollama:tiny:q4 --json | tafrun --trust -e 'local m = taf.json.decode(io.read("a")); print(m.id, m.family, m.gguf ~= nil, m.source:match("^Ollama store") ~= nil)'; rm -rf $d
  tiny:q4	llama	true	true

# a models folder (LM Studio, llama.cpp) holding one .gguf
$ d=$(mktemp -d); mkdir -p $d/lmstudio/vendor/model; cp tests/fuzz/corpus/gguf/llama_v3.gguf $d/lmstudio/vendor/model/m.gguf; tafrun show-model --model $d/lmstudio --json | tafrun --trust -e 'print(taf.json.decode(io.read("a")).family)'; rm -rf $d
  llama

# not a preset and not on disk: exit 2 naming where it looked
$ HF_HUB_CACHE=/nonexistent/hub HOME=/nonexistent tafrun x2 --model acme/nothing
! tafrun: model 'acme/nothing' is not a preset and is not on disk; looked in: /nonexistent/hub/models--acme--nothing, /nonexistent/.cache/huggingface/hub/models--acme--nothing (see 'tafrun list models --local')
[2]

$ OLLAMA_MODELS=/nonexistent/ollama tafrun x2 --model ollama:nothing
! tafrun: model 'ollama:nothing' is not a preset and is not on disk; looked in: /nonexistent/ollama/manifests/registry.ollama.ai/library/nothing/latest (see 'tafrun list models --local')
[2]

# the catalog (issue #17): at least 60 presets and 40 GPUs, every line of both
# listings within a 100-column terminal, filters by family, architecture and substring
$ tafrun list models | tail -n +2 | wc -l | awk '{ print ($1 >= 60) ? "ok" : "only " $1 }'; tafrun list gpus | tail -n +2 | wc -l | awk '{ print ($1 >= 40) ? "ok" : "only " $1 }'
  ok
  ok

$ tafrun list models | awk 'length($0) > 100 { n++ } END { print n + 0 }'; tafrun list gpus | awk 'length($0) > 100 { n++ } END { print n + 0 }'
  0
  0

$ tafrun list models --family gpt_oss | cut -d' ' -f1; tafrun list models --arch mla qwen; tafrun list models 3.1-70 | cut -d' ' -f1
  ID
  gpt-oss-120b
  gpt-oss-20b
  no preset matches
  ID
  llama-3.1-70b

# the ID column is what --set gpu= takes
$ tafrun list gpus | grep -E '^(RTX 3090|L4|A10G|H20|MI325X|M3 Max|M2 Ultra) ' | tr -s ' ' | cut -d' ' -f1-4
  RTX 3090 rtx3090 24
  L4 l4 24 300
  A10G a10g 24 600
  H20 h20 96 4000
  MI325X mi325x 256 6000
  M2 Ultra m2-ultra 192
  M3 Max m3-max 128
