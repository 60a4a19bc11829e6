-- tafrun compare RECIPE --model A,B,C: one table, a column per model.
local host, use = ...
local errors = use "errors"
local runner = use "runner"
local params = use "params"
local catalog = use "catalog"
local columns = use("text").columns

local function compare(opts)
  local r = runner.find(opts.target)
  local models = {}
  for id in (opts.model or ""):gmatch("[^,]+") do models[#models + 1] = catalog.model(id) end
  if #models < 1 then errors.usage("compare needs --model A,B[,C…]") end
  local results = {}
  for i, m in ipairs(models) do results[i] = runner.run(r, m, params.typed_sets(opts.sets)) end
  if opts.format == "json" then return taf.json.array(results) end
  local head = { "" }
  for i, m in ipairs(models) do head[i + 1] = m.short_id end
  local rows = { head }
  local function row(label, f)
    local cells = { label }
    for i, res in ipairs(results) do cells[i + 1] = f(res) end
    rows[#rows + 1] = cells
  end
  row("verdict", function(res) return res.verdict end)
  row("confidence", function(res) return res.confidence.pct .. "% " .. res.confidence.band end)
  for n, s in ipairs(results[1].chain) do
    row(string.format("%d %s", n, s.name), function(res)
      local step = res.chain[n]
      local v = step and step.result
      if type(v) == "number" then return string.format(math.type(v) == "integer" and "%d" or "%.6g", v) end
      if type(v) == "table" then return v.GB and string.format("%.4g GB", v.GB) or "…" end
      return tostring(v == nil and "n/a" or v)
    end)
  end
  return string.format("%s · %s\n%s\n\n", r.id, r.name, r.question) .. columns(rows)
end

return {
  synopsis = { "tafrun compare RECIPE --model A,B,C" },
  about = "one recipe on several models, side by side",
  options = { "--model", "--set" },
  needs_target = true,
  run = compare,
}
