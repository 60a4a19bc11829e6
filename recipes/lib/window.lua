-- The usable context window, one notion for every recipe that reasons about
-- length. T_train is the length the model was pre-trained at (before any
-- extension); W is what the model ships for: the window its rope_scaling
-- reaches (max_position_embeddings, the length it was fine-tuned to), or
-- T_train when it ships none. Dynamic NTK grows θ at inference past
-- max_position_embeddings without fine-tuning, so its W stays that length.
local mp = require "lib.model_params"
local fmt = require "lib.fmt"

local M = {}

-- Add the shipped-scaling fields to a recipe's params table (T_train is the
-- recipe's own declaration); returns the table.
function M.params(params)
  params.T_max = mp.T_max { min = 1, optional = true,
    doc = "max_position_embeddings: the window the shipped rope_scaling reaches (--config gives it)" }
  params.shipped_type = text { from = "rope_scaling.rope_type|rope_scaling.type", optional = true,
    doc = "rope_scaling type the model already ships (read from --model / --config)" }
  params.shipped_factor = number { from = "rope_scaling.factor", gt = 0, optional = true,
    doc = "factor of the shipped rope_scaling" }
  return params
end

-- Where W comes from, in words, for interpretations ("llama3 ×8 from 8,192 to
-- 131,072"): formatted only when an interpretation asks for it.
function M.text(w)
  if w.shipped and w.W > w.T_train then
    return string.format("%s%s from %s to %s", w.shipped_type,
      w.shipped_factor and string.format(" ×%.6g", w.shipped_factor) or "", fmt.commas(w.T_train), fmt.commas(w.W))
  elseif w.shipped then
    return string.format("%s scaling shipped; window %s", w.shipped_type, fmt.commas(w.W))
  end
  return string.format("trained at %s, no rope_scaling shipped", fmt.commas(w.W))
end

local WINDOW_META = { __index = function(w, k) if k == "text" then return M.text(w) end end }

-- The window of parameters `p`: { T_train, W, shipped, text } or nil when
-- T_train is unknown. `text` (M.text) says where W comes from.
function M.of(p)
  if p.T_train == nil then return nil end
  local shipped = p.shipped_type ~= nil and p.shipped_type ~= "default"
  local W = shipped and math.max(p.T_max or p.T_train, p.T_train) or p.T_train
  return setmetatable({ T_train = p.T_train, W = W, shipped = shipped, shipped_type = p.shipped_type,
                        shipped_factor = p.shipped_factor }, WINDOW_META)
end

-- The chain step that states the window and where L stands against it.
-- `erratum`: the verdict departs from the seed's closed form because of the
-- window (its reason in one line, a string or a function giving it); the step
-- then carries that receipt. `w`: M.of(p) when the caller has it already.
function M.step(chain, p, L, erratum, w)
  w = w or M.of(p)
  chain:step {
    section = "§19", name = "Usable window", formula = "W = max_position_embeddings with shipped rope_scaling, else T_train",
    inputs = { T_train = p.T_train, T_max = p.T_max, rope_type = p.shipped_type, factor = p.shipped_factor, L = L },
    result = w.W,
    interpretation = function()
      local where
      if L <= w.W then
        where = string.format("L = %s is within the usable window %s (%s)", fmt.commas(L), fmt.commas(w.W), M.text(w))
      else
        where = string.format("L = %s is %.3g× past the usable window %s (%s)", fmt.commas(L), L / w.W,
          fmt.commas(w.W), M.text(w))
      end
      if type(erratum) == "function" then erratum = erratum() end
      return where .. (erratum and ("; erratum: " .. erratum) or "")
    end,
    receipt = erratum and "erratum" or "data" }
  return w
end

-- The `trained_context` confidence factor and its note for a recipe that
-- allocates for L tokens (X-4, X-15): ok within the usable window, warn past
-- it. `label` names L as the recipe's user sets it ("T_eval", "-c").
function M.check(chain, p, L, label)
  local w = M.of(p)
  chain:factor("trained_context", (w == nil or L <= w.W) and "ok" or "warn")
  if w and L > 1.25 * w.W then
    chain:note(function() return string.format("%s %s is past 1.25× the usable window %s (%s): KV allocated beyond "
      .. "it is likely wasted memory unless the model is extended further (X-9).", label, fmt.commas(L),
      fmt.commas(w.W), M.text(w)) end)
  elseif w and L > w.W then
    chain:note(function() return string.format("%s %s is beyond the usable window %s (%s).", label, fmt.commas(L),
      fmt.commas(w.W), M.text(w)) end)
  end
  return w
end

return M
