-- Measured attention inputs shared by X-11, X-12 and X-18: either values
-- measured elsewhere (--set gamma_obs=… R2=… sink_mass=…) or an attention
-- file measured here with taf.profile (--set attention=FILE), plus the
-- cookbook's receipt rule for a fitted γ.
local errors = require "lib.errors"

local M = {}

-- Cookbook recipe 1 / SPEC §9: R² > 0.95 reliable, ≥ 0.85 coarse, else unreliable.
M.R2_RELIABLE, M.R2_COARSE = 0.95, 0.85

function M.receipt(R2)
  if R2 == nil then return "unknown" end
  if R2 > M.R2_RELIABLE then return "reliable" end
  if R2 >= M.R2_COARSE then return "coarse" end
  return "unreliable"
end

-- Confidence status of a fit: reliable ok, coarse warn, unreliable miss, unknown warn.
function M.fit_status(R2)
  local r = M.receipt(R2)
  return r == "reliable" and "ok" or (r == "coarse" or r == "unknown") and "warn" or "miss"
end

-- Parameter declarations (call inside the params table, in this order).
function M.attention() return text { optional = true, doc = "attention probabilities (.npy, .safetensors) or a γ-atlas JSON, measured here with taf.profile" } end
function M.sink_tokens() return integer { min = 1, default = 1, doc = "first K keys counted as the sink when profiling a file" } end
function M.fit_d1() return integer { min = 1, optional = true, doc = "first distance of the fit range when profiling (default 8)" } end
function M.fit_d2() return integer { min = 2, optional = true, doc = "last distance of the fit range when profiling (default T/2)" } end
-- A measured γ: a decay exponent, in (−1, 20) (at γ = −1 the Padé deviation
-- index and the γ-derived lengths divide by zero). `required`: no default.
function M.gamma_obs(doc, required)
  return number { gt = -1, lt = 20, optional = not required,
                  doc = doc or "measured decay exponent γ (tafrun profile), when no attention file is given" }
end
function M.R2() return number { max = 1, optional = true, doc = "R² of the log-log fit that produced gamma_obs" } end
function M.sink_mass() return number { min = 0, max = 1, optional = true, doc = "measured sink mass: mean attention on the first K keys" } end

-- Runs taf.profile on p.attention when given; otherwise returns the measured
-- values passed as parameters. `rid` names the recipe in messages.
-- → { gamma, R2, sink_mass, n_points, fit_range, layers, source, file }
function M.resolve(rid, p)
  if p.attention == nil then
    return { gamma = p.gamma_obs, R2 = p.R2, sink_mass = p.sink_mass, source = "given" }
  end
  if p.gamma_obs ~= nil or p.R2 ~= nil then
    errors.usage("%s: give either --set attention=FILE or the measured gamma_obs/R2, not both", rid)
  end
  if p.fit_d1 ~= nil and p.fit_d2 ~= nil and p.fit_d2 <= p.fit_d1 then
    errors.usage("%s: parameter 'fit_d2' must be > fit_d1 (%d), got %d", rid, p.fit_d1, p.fit_d2)
  end
  if taf.profile == nil then
    errors.usage("%s: --set attention=FILE needs taf.profile, which this build of tafrun lacks; "
      .. "measure γ elsewhere and pass --set gamma_obs=… --set R2=…", rid)
  end
  local opts = { sink_tokens = p.sink_tokens }
  if p.fit_d1 ~= nil or p.fit_d2 ~= nil then opts.fit_range = { p.fit_d1 or 8, p.fit_d2 } end
  local ok, prof = pcall(taf.profile, p.attention, opts)
  if not ok then
    if errors.is_usage(prof) then error(prof, 0) end
    errors.usage("%s: attention file '%s': %s", rid, p.attention, tostring(prof))
  end
  return { gamma = prof.gamma, R2 = prof.R2, n_points = prof.n_points, fit_range = prof.fit_range,
           sink_mass = prof.sink_mass ~= nil and prof.sink_mass or p.sink_mass,
           layers = prof.layers, source = "profile", file = p.attention }
end

-- Per-layer γ spread of a profile: { n, min, max, median } or nil.
function M.layer_spread(layers)
  if type(layers) ~= "table" then return nil end
  local g = {}
  for _, l in ipairs(layers) do
    if type(l.gamma) == "number" and l.gamma == l.gamma then g[#g + 1] = l.gamma end
  end
  if #g < 2 then return nil end
  table.sort(g)
  local n = #g
  local median = n % 2 == 1 and g[(n + 1) // 2] or (g[n // 2] + g[n // 2 + 1]) / 2
  return { n = n, min = g[1], max = g[n], median = median }
end

return M
