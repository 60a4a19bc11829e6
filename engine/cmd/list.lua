-- tafrun list [recipes|models|gpus|apis|packs]: what is on the path, and
-- where each entry comes from (built-in or a pack).
local host, use = ...
local errors = use "errors"
local runner = use "runner"
local catalog = use "catalog"
local packs = use "packs"
local text = use "text"
local columns = text.columns

local LISTS = {
  recipes = function()
    local rows = { { "ID", "NAME", "ORIGIN", "QUESTION" } }
    for _, x in ipairs(runner.recipes()) do
      local e, r = x.entry, x.recipe
      local origin = e.origin .. (e.shadows and " (overrides built-in)" or "")
        .. (e.conflict and (" CONFLICT with " .. e.conflict) or "")
      if r then rows[#rows + 1] = { r.id, r.name, origin, r.question }
      else rows[#rows + 1] = { e.id, "(does not load)", origin, x.error } end
    end
    return columns(rows)
  end,
  packs = function()
    local rows = { { "PACK", "VERSION", "FOUND BY", "DIRECTORY", "DESCRIPTION" } }
    for _, p in ipairs(packs.all()) do
      rows[#rows + 1] = { p.name, p.version, p.origin, p.dir, p.description }
    end
    if #rows == 1 then return "no packs (add one with --pack DIR, $TAFRUN_PATH or $XDG_DATA_HOME/tafrun/packs)\n" end
    return columns(rows)
  end,
  models = function()
    local rows = { { "ID", "HF ID", "FAMILY", "PARAMS", "CONTEXT", "θ", "ARCH", "ORIGIN", "SOURCE" } }
    for _, m in ipairs(catalog.models()) do
      rows[#rows + 1] = { m.short_id, m.id, m.family or "?", text.params_count(m.n_params), tostring(m.T_train or "?"),
                          tostring(m.theta or "-"), m.architecture or "?", m.origin or "built-in", m.source }
    end
    return columns(rows)
  end,
  gpus = function()
    local rows = { { "GPU", "BF16 TFLOP/s", "VRAM GB", "HBM GB/s", "USD/h", "TDP W", "ORIGIN", "ALIASES" } }
    for _, g in ipairs(catalog.gpus()) do
      rows[#rows + 1] = { g.name, tostring(g.flops), tostring(g.vram_GB), tostring(g.bw_GB_s),
                          g.usd_h > 0 and string.format("%.2f", g.usd_h) or "local",
                          tostring(g.tdp), g.origin, table.concat(g.aliases or {}, ", ") }
    end
    return columns(rows)
  end,
  apis = function()
    local rows = { { "API MODEL", "USD/Mtok IN", "USD/Mtok OUT", "ALIASES" } }
    for _, a in ipairs(catalog.apis()) do
      rows[#rows + 1] = { a.name, string.format("%.2f", a.input), string.format("%.2f", a.output),
                          table.concat(a.aliases or {}, ", ") }
    end
    return columns(rows)
  end,
}

return {
  synopsis = { "tafrun list [recipes|models|gpus|apis|packs]" },
  about = "recipes, models, gpus, apis or packs (default: recipes)",
  run = function(o)
    local kind = o.target or "recipes"
    local f = LISTS[kind]
    if f == nil then errors.usage("list: unknown kind '%s'; use recipes, models, gpus, apis or packs", kind) end
    return f()
  end,
}
