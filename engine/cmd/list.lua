-- tafrun list [recipes|models|gpus|apis|packs|engines]: what is on the path, and
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
  models = function(o)
    -- θ in decimal units when exact: 500000 → "500K", 1e6 → "1M"
    local function theta_text(t)
      local i = math.tointeger(t)
      if not i then return string.format("%.6g", t) end
      if i >= 1000000 and i % 1000000 == 0 then return string.format("%dM", i // 1000000) end
      if i >= 1000 and i % 1000 == 0 then return string.format("%dK", i // 1000) end
      return text.commas(i)
    end
    if o.local_models then
      local rows = { { "MODEL", "FOUND IN", "PATH" } }
      for _, m in ipairs(use("local_models").list()) do rows[#rows + 1] = { m.id, m.kind, m.path } end
      if #rows == 1 then
        return "no models on disk (looked in the Hugging Face cache and the Ollama store; see README)\n"
      end
      return columns(rows)
    end
    -- fits a 100-column terminal: the HF id and the source are in `tafrun show-model --model ID`
    local rows = { { "ID", "FAMILY", "PARAMS", "ACTIVE", "WINDOW", "θ", "ARCH", "ORIGIN" } }
    local want = o.filter and o.filter:lower()
    for _, m in ipairs(catalog.models()) do
      local window = m.T_max and m.T_train and math.max(m.T_max, m.T_train) or m.T_train
      local keep = (not o.family or (m.family or ""):lower() == o.family:lower())
        and (not o.arch or (m.architecture or ""):lower() == o.arch:lower())
        and (not want or m.short_id:lower():find(want, 1, true) or m.id:lower():find(want, 1, true))
      if keep then
        rows[#rows + 1] = { m.short_id, m.family or "?", text.params_count(m.n_params),
                            m.n_params_active and text.params_count(m.n_params_active) or "",
                            window and text.tokens(window) or "?", m.theta and theta_text(m.theta) or "-",
                            m.architecture or "?", m.origin or "built-in" }
      end
    end
    if #rows == 1 then return "no preset matches\n" end
    return columns(rows)
  end,
  -- fits a 100-column terminal: ID is the name to type (--set gpu=ID; every
  -- alias and the card's sources are in catalogs/gpus.lua); memory as the
  -- spec sheet gives it (GB), prices with the month they were read
  gpus = function()
    local rows = { { "GPU", "ID", "VRAM GB", "GB/s", "BF16 TF", "FP8 TF", "USD/h", "PRICED", "ORIGIN" } }
    local function num(x) return x and string.format("%.6g", x) or "-" end
    -- the name to type: a one-word name itself ("h200", "mi325x"), else the
    -- first alias that starts with a letter ("rtx3090", "m3-max")
    local function id_of(g)
      if not g.name:find("%s") then return g.name:lower() end
      for _, a in ipairs(g.aliases or {}) do
        if a:match("^%a") then return a end
      end
      return (g.aliases or {})[1] or g.name
    end
    for _, g in ipairs(catalog.gpus()) do
      rows[#rows + 1] = { g.name, id_of(g), num(g.vram_GB), num(g.bw_GB_s),
                          num(g.flops), num(g.fp8_tflops), g.usd_h > 0 and string.format("%.2f", g.usd_h) or "n/a",
                          g.price_date or "-", g.origin }
    end
    return columns(rows)
  end,
  -- host-RAM bandwidth presets for offload (--set host_memory=ID in X-15)
  memory = function()
    local rows = { { "HOST MEMORY", "ID", "GB/s", "KIND", "CHANNELS", "MT/s", "ORIGIN" } }
    for _, m in ipairs(catalog.host_memories()) do
      rows[#rows + 1] = { m.name, (m.aliases or {})[1] or m.name, string.format("%.6g", m.bw_GB_s), m.kind or "-",
                          m.channels and string.format("%d", m.channels) or "-", m.MT_s and string.format("%d", m.MT_s) or "-",
                          m.origin }
    end
    return columns(rows)
  end,
  -- Engine rule modules: recipes/lib/engines/*.lua declaring name,
  -- version_checked and describe (helpers such as shapes.lua declare none).
  -- Built-in only: a script's require of lib.* resolves in the built-in
  -- library and never in a pack (sandbox.c find_module), so no pack can add one.
  engines = function()
    local dir = host.datadir .. "/recipes/lib/engines"
    local files = {}
    for _, f in ipairs(host.dir(dir) or {}) do
      if f:match("%.lua$") and host.exists(dir .. "/" .. f) == "file" then files[#files + 1] = f end
    end
    table.sort(files)
    local rows = { { "ENGINE", "CHECKED AGAINST", "MODULE", "ORIGIN", "DESCRIPTION" } }
    for _, f in ipairs(files) do
      local path, module = dir .. "/" .. f, "lib.engines." .. f:gsub("%.lua$", "")
      local ok, m = pcall(function() return host.declare(host.loadfile(path), path) end)
      if not ok then
        rows[#rows + 1] = { "(does not load)", "", module, "built-in", errors.text(m) }
      elseif type(m) == "table" and type(m.name) == "string" then
        rows[#rows + 1] = { m.name, tostring(m.version_checked or "?"), module, "built-in", tostring(m.describe or "") }
      end
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
  synopsis = { "tafrun list [recipes|models|gpus|memory|apis|packs|engines]", "tafrun list models [SUBSTRING] [--family F] [--arch A] [--local]" },
  options = { "--local", "--family", "--arch" },
  about = "recipes, models, gpus, host memory, apis, packs or engines (default: recipes)",
  run = function(o)
    local kind = o.target or "recipes"
    local f = LISTS[kind]
    if f == nil then errors.usage("list: unknown kind '%s'; use recipes, models, gpus, memory, apis, packs or engines", kind) end
    if kind ~= "models" and (o.filter or o.family or o.arch or o.local_models) then
      errors.usage("list %s takes no filter (a substring, --family, --arch and --local are for list models)", kind)
    end
    return f(o)
  end,
}
