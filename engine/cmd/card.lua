-- tafrun card --model ID: every recipe the model's fields can feed, one table.
local host, use = ...
local errors = use "errors"
local runner = use "runner"
local params = use "params"
local columns = use("text").columns

-- The card's key number: the recipe's own `key`, else its first numeric step.
local function key_of(res)
  if res.key then return res.key end
  for _, s in ipairs(res.chain) do
    if type(s.result) == "number" then return string.format("%s = %.4g", s.name, s.result) end
  end
  return ""
end

-- tafrun card --model ID: every recipe the model's fields can feed, one table
-- (--json: an array of the full results, plus one entry per recipe lacking input).
local function card(opts)
  local model = use("readers").from_options(opts)
  if not model then errors.usage("card needs --model ID, --config PATH or --gguf PATH") end
  local rows = { { "RECIPE", "NAME", "VERDICT", "KEY", "CONFIDENCE" } }
  local results = {}
  for _, x in ipairs(runner.recipes()) do
    local r = x.recipe
    if not r then error(x.error, 0) end
    local sets = {}   -- a --set applies to the recipes that declare it
    for _, kv in ipairs(params.typed_sets(opts.sets)) do if r.params[kv[1]] then sets[#sets + 1] = kv end end
    local ok, res = pcall(runner.run, r, model, sets)
    if ok then
      rows[#rows + 1] = { r.id, r.name, res.verdict, key_of(res), res.confidence.pct .. "% " .. res.confidence.band }
      results[#results + 1] = res
    elseif errors.is_usage(res) then
      rows[#rows + 1] = { r.id, r.name, "needs input", "",
                          res.missing and ("--set " .. res.missing .. "=…") or res.message }
      results[#results + 1] = taf.json.ordered({ recipe_id = r.id, recipe_name = r.name,
        needs_input = res.missing, message = res.message }, { "recipe_id", "recipe_name", "needs_input", "message" })
    else
      error(res, 0)
    end
  end
  if opts.format == "json" then return taf.json.array(results) end
  return string.format("%s (%s)\n\n", model.id, model.short_id or model.source) .. columns(rows)
end

return {
  synopsis = { "tafrun card --model ID" },
  about = "every recipe that applies to one model, one summary table",
  options = { "--model", "--config", "--gguf", "--set" },
  run = card,
}
