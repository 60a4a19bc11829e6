#!/usr/bin/env python3
"""Writes the GGUF seed corpus (tests/fuzz/corpus/gguf/): small headers in the
layout of ggml's docs/gguf.md, versions 2 and 3, every metadata value type,
nested arrays, tensor infos. Run from this directory; the outputs are checked in."""
import struct

T = dict(u8=0, i8=1, u16=2, i16=3, u32=4, i32=5, f32=6, bool=7, str=8, arr=9, u64=10, i64=11, f64=12)
FMT = {0: "<B", 1: "<b", 2: "<H", 3: "<h", 4: "<I", 5: "<i", 6: "<f", 7: "<B", 10: "<Q", 11: "<q", 12: "<d"}

def s(x):
    b = x.encode()
    return struct.pack("<Q", len(b)) + b

def val(t, v):
    if t == T["str"]:
        return s(v)
    if t == T["arr"]:
        et, items = v
        out = struct.pack("<IQ", et, len(items))
        return out + b"".join(val(et, i) for i in items)
    return struct.pack(FMT[t], v)

def kv(k, t, v):
    return s(k) + struct.pack("<I", t) + val(t, v)

def tensor(name, dims, ggml_type, offset):
    return s(name) + struct.pack("<I", len(dims)) + b"".join(struct.pack("<Q", d) for d in dims) + \
        struct.pack("<IQ", ggml_type, offset)

def gguf(version, kvs, tensors):
    return b"GGUF" + struct.pack("<IQQ", version, len(tensors), len(kvs)) + b"".join(kvs) + b"".join(tensors)

llama = [
    kv("general.architecture", T["str"], "llama"), kv("general.name", T["str"], "seed-llama"),
    kv("general.file_type", T["u32"], 15), kv("llama.block_count", T["u32"], 2),
    kv("llama.context_length", T["u32"], 4096), kv("llama.embedding_length", T["u32"], 256),
    kv("llama.feed_forward_length", T["u32"], 512), kv("llama.attention.head_count", T["u32"], 4),
    kv("llama.attention.head_count_kv", T["u32"], 2), kv("llama.rope.freq_base", T["f32"], 10000.0),
    kv("tokenizer.ggml.tokens", T["arr"], (T["str"], ["a", "b", "c"])),
]
every_type = [kv("t.u8", T["u8"], 1), kv("t.i8", T["i8"], -1), kv("t.u16", T["u16"], 2), kv("t.i16", T["i16"], -2),
              kv("t.u32", T["u32"], 3), kv("t.i32", T["i32"], -3), kv("t.f32", T["f32"], 0.5),
              kv("t.bool", T["bool"], 1), kv("t.str", T["str"], "x"), kv("t.u64", T["u64"], 4),
              kv("t.i64", T["i64"], -4), kv("t.f64", T["f64"], 0.25),
              kv("t.nested", T["arr"], (T["arr"], [(T["u8"], [1, 2]), (T["str"], ["y"])]))]
tensors = [tensor("token_embd.weight", [256, 3], 1, 0), tensor("blk.0.attn_q.weight", [256, 256], 12, 1536),
           tensor("blk.0.ffn_up.weight", [256, 512], 8, 1536 + 36864)]
open("corpus/gguf/llama_v3.gguf", "wb").write(gguf(3, llama, tensors))
open("corpus/gguf/llama_v2.gguf", "wb").write(gguf(2, llama, tensors[:1]))
open("corpus/gguf/every_type_v3.gguf", "wb").write(gguf(3, every_type + llama[:1], []))
open("corpus/gguf/vocab_only.gguf", "wb").write(gguf(3, llama[:1] + llama[-1:], []))
# per-layer head counts (the head_count_kv <= head_count check layer by layer) and a rope scaling block
per_layer = [
    kv("general.architecture", T["str"], "llama"), kv("llama.block_count", T["u32"], 3),
    kv("llama.embedding_length", T["u32"], 256), kv("llama.context_length", T["u32"], 32768),
    kv("llama.attention.head_count", T["arr"], (T["i32"], [8, 8, 4])),
    kv("llama.attention.head_count_kv", T["arr"], (T["i32"], [2, 2, 1])),
    kv("llama.rope.freq_base", T["f32"], 500000.0), kv("llama.rope.scaling.type", T["str"], "yarn"),
    kv("llama.rope.scaling.factor", T["f32"], 4.0), kv("llama.rope.scaling.original_context_length", T["u32"], 8192),
]
open("corpus/gguf/per_layer_rope_scaling.gguf", "wb").write(gguf(3, per_layer, []))
