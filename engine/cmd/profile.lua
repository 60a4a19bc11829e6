-- tafrun profile FILE (SPEC §9): γ, R² and sink mass measured from attention
-- probabilities or a γ-atlas file by taf.profile, shown as a summary table,
-- or the taf.profile table itself with --json; --plot writes the SVG.
local host, use = ...
local errors = use "errors"
local columns = use("text").columns

local M = {}

local function integer_option(flag, s, min)
  local v = math.tointeger(tonumber(s))
  if v == nil or v < min then errors.usage("%s expects an integer >= %d, got '%s'", flag, min, s) end
  return v
end

-- The command-line options as taf.profile options.
function M.taf_options(opts)
  local p = { svg = opts.plot ~= nil }
  if opts.sink_tokens then p.sink_tokens = integer_option("--sink-tokens", opts.sink_tokens, 1) end
  if opts.fit_range then
    local a, b = opts.fit_range:match("^%s*(%d+)%s*%.%.%s*(%d+)%s*$")
    a, b = math.tointeger(tonumber(a)), math.tointeger(tonumber(b))
    if a == nil or b == nil or a < 1 or b <= a then
      errors.usage("--fit-range expects D1..D2 with 1 <= D1 < D2, got '%s'", opts.fit_range)
    end
    p.fit_range = { a, b }
  end
  return p
end

local function write_plot(path, svg)
  local w, why = host.open_output(path)
  if not w then errors.usage("--plot: cannot write %s: %s", path, why) end
  local ok, err = pcall(function()
    w:write(svg)
    w:commit()
  end)
  if not ok then
    why = tostring(err):match(": ([^:]+)$") or tostring(err)   -- the system's reason, without temp names
    errors.usage("--plot: cannot write %s: %s", path, why)
  end
end

local function num(x, fmt)
  if x == nil or x ~= x then return "n/a" end
  return string.format(fmt or "%.4f", x)
end

local function plural(n, word) return string.format("%d %s%s", n, word, n == 1 and "" or "s") end

local function first_keys(k) return k == 1 and "the first key" or string.format("the first %d keys", k) end

local function fit_line(r)
  return string.format("γ = %s   R² = %s (%s)   log A = %s   %s",
    num(r.gamma), num(r.R2, "%.6f"), r.receipt, num(r.log_A), plural(r.n_points, "point"))
end

local function dump_summary(r, out)
  local s = r.source
  out[#out + 1] = string.format("%s · %s · %s × %s · T = %d · sink = %s\n", s.format, s.dtype,
    plural(s.n_layers, "layer"), plural(s.n_heads, "head"), s.T, first_keys(r.sink_tokens))
  out[#out + 1] = string.format("fit: %s\n\n", r.fit_method)
  out[#out + 1] = string.format("model   %s\n", fit_line(r))
  out[#out + 1] = string.format("phase   %s\n", r.phase or "n/a")
  out[#out + 1] = string.format("sink    %s of attention on %s\n", num(r.sink_mass), first_keys(r.sink_tokens))
  local g, c = r.gamma_heads, r.receipt_counts
  out[#out + 1] = string.format("heads   γ mean %s · median %s · sd %s · range %s … %s · %d reliable, %d coarse, %d unreliable\n\n",
    num(g.mean), num(g.median), num(g.sd), num(g.min), num(g.max), c.reliable, c.coarse, c.unreliable)
  local rows = { { "LAYER", "γ", "R²", "SINK", "HEADS: γ MEAN", "MEDIAN", "SD", "RECEIPT" } }
  for _, l in ipairs(r.layers) do
    local lg = l.gamma_heads
    rows[#rows + 1] = { tostring(l.layer), num(l.gamma), num(l.R2, "%.6f"), num(l.sink_mass), num(lg.mean),
                        num(lg.median), num(lg.sd), l.receipt }
  end
  out[#out + 1] = columns(rows)
end

local function atlas_summary(r, out)
  local a = r.atlas
  out[#out + 1] = string.format("γ-atlas measurement: %s (θ %s) · %s · fit over distances_fit %d..%d\n\n",
    a.model or "?", a.theta and string.format("%.0f", a.theta) or "n/a", plural(#r.curve, "distance"),
    r.fit_range[1], r.fit_range[2])
  out[#out + 1] = string.format("model   %s\n", fit_line(r))
  out[#out + 1] = string.format("phase   %s\n", r.phase or "n/a")
  if a.recorded then
    out[#out + 1] = string.format("atlas   recorded γ = %s   R² = %s   %s\n", num(a.recorded.gamma, "%.10g"),
      num(a.recorded.R2, "%.6f"), a.reproduced and "(reproduced)" or "(NOT reproduced)")
  end
end

-- The readable summary of a taf.profile result.
function M.summary(r, plot)
  local out = { string.format("γ profile · %s\n", r.source.file) }
  if r.atlas then atlas_summary(r, out) else dump_summary(r, out) end
  out[#out + 1] = string.format("\nreceipt: %s\n", r.receipt_note)
  local dis = r.dissimilar_heads or {}
  if #dis > 0 then
    out[#out + 1] = "dissimilar heads (report them apart, do not average them in):\n"
    for i, h in ipairs(dis) do
      if i > 20 then
        out[#out + 1] = string.format("  … and %d more (see --json)\n", #dis - 20)
        break
      end
      out[#out + 1] = string.format("  layer %d head %d   γ %s  R² %s  %s\n", h.layer, h.head, num(h.gamma),
        num(h.R2, "%.4f"), h.reason)
    end
  end
  if plot then out[#out + 1] = string.format("plot: %s\n", plot) end
  return table.concat(out)
end

function M.run(opts)
  if opts.target == nil then
    errors.usage("profile needs FILE: attention probabilities (.npy, .safetensors) or a γ-atlas .json")
  end
  local r, svg = taf.profile(opts.target, M.taf_options(opts))
  if opts.plot then write_plot(opts.plot, svg) end
  if opts.format == "json" then return r end
  return M.summary(r, opts.plot)
end

M.synopsis = { "tafrun profile FILE [--sink-tokens K] [--fit-range D1..D2] [--plot FILE.svg] [--json]" }
M.about = "measure γ, R² and sink mass from attention (.npy, .safetensors) or a γ-atlas .json"
M.options = { "--sink-tokens", "--fit-range", "--plot" }

return M
