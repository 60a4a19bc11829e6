-- Parameter declarations shared by the recipes that read a model's geometry.
-- Call each function inside the params table so declaration order follows
-- the recipe's own text.
local M = {}

function M.theta() return number { gt = 0, doc = "RoPE base θ (rope_theta)" } end
function M.T_train() return integer { min = 1, doc = "training context length (tokens)" } end
function M.T_eval() return integer { min = 1, default_from = "T_train", doc = "evaluation context length L (tokens)" } end
function M.n_attention_heads() return integer { min = 1, doc = "attention (query) heads per layer" } end
function M.n_kv_heads() return integer { min = 1, doc = "key/value heads per layer (GQA when fewer than query heads)" } end
function M.d_head() return integer { min = 1, doc = "head dimension" } end
function M.n_layers() return integer { min = 1, doc = "transformer layers" } end
function M.n_params() return number { gt = 0, doc = "parameter count N" } end
function M.has_SWA() return boolean { default = false, doc = "sliding-window attention present" } end

return M
