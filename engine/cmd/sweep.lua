-- tafrun sweep: one recipe over the cartesian product of models and grid
-- axes, as JSON Lines or CSV. Output goes to a temporary file renamed at the
-- end (an interrupted sweep never leaves a truncated file that looks
-- complete); --shard I/N takes one contiguous slice; --jobs N forks workers
-- that each write a part, joined in order.
local host, use = ...
local errors = use "errors"
local params = use "params"
local runner = use "runner"
local catalog = use "catalog"
local chainlib = use "chain"

local M = {}
local MAX_POINTS = 100000000 -- a grid's points (they are made one at a time)
local MAX_AXIS = 1000000     -- one axis's values (they are held in memory)

-- "T_eval=1024..131072*2" | "theta=1e4..1e6+1e5" | "T_eval=1..8" | "gpu=h100,a100"
function M.parse_axis(spec)
  local key, body = spec:match("^([%w_]+)=(.+)$")
  if not key then errors.usage("--grid '%s': expected KEY=START..STOP[*FACTOR|+STEP] or KEY=A,B,C", spec) end
  local a, b, op, step = body:match("^([^.][^%s]-)%.%.([^*+]+)([*+]?)(.*)$")
  if not a then
    local values = {}
    for v in body:gmatch("[^,]+") do
      values[#values + 1] = params.text_value(params.parse_value(v), v)
      if #values > MAX_AXIS then errors.usage("--grid '%s': more than %d values", spec, MAX_AXIS) end
    end
    if #values == 0 then errors.usage("--grid '%s': no values", spec) end
    return { key = key, values = values }
  end
  local function num(x) return tonumber(x) or params.suffixed(x, key) end -- 4k..256k*2
  local start, stop, s = num(a), num(b), tonumber(step ~= "" and step or "1")
  local function finite(x) return x and x == x and x ~= math.huge and x ~= -math.huge end
  if not finite(start) or not finite(stop) or not finite(s) then
    errors.usage("--grid '%s': START, STOP and the step must be finite numbers", spec)
  end
  if op == "" then op = "+" end
  local values = {}
  if op == "*" then
    if not (s > 1) or not (start > 0) or stop < start then
      errors.usage("--grid '%s': a geometric axis needs 0 < START <= STOP and FACTOR > 1", spec)
    end
    -- counted before a value is made: a factor of 1.0000000001 is refused at once
    if math.log(stop / start) / math.log(s) >= MAX_AXIS then
      errors.usage("--grid '%s': more than %d values", spec, MAX_AXIS)
    end
    local i = 0
    while true do
      local v = start * s ^ i
      if v > stop * (1 + 1e-12) then break end
      values[#values + 1] = math.tointeger(v) or (math.abs(v - math.floor(v + 0.5)) < 1e-9 * v and math.floor(v + 0.5)) or v
      i = i + 1
    end
  else
    if not (s > 0) or stop < start then
      errors.usage("--grid '%s': an arithmetic axis needs START <= STOP and STEP > 0", spec)
    end
    local n = math.floor((stop - start) / s + 1e-9) + 1
    if not (n <= MAX_AXIS) then errors.usage("--grid '%s': more than %d values", spec, MAX_AXIS) end
    for i = 0, n - 1 do
      local v = start + i * s
      values[#values + 1] = math.tointeger(v) or v
    end
  end
  return { key = key, values = values }
end

local function split_models(list)
  local out = {}
  for id in (list or ""):gmatch("[^,]+") do out[#out + 1] = catalog.model(id) end
  return out
end

local function csv_cell(v)
  local s = v == nil and "" or type(v) == "number" and taf.json.encode(v) or tostring(v)
  if s:find('[,"\n]') then s = '"' .. s:gsub('"', '""') .. '"' end
  return s
end

function M.run(opts)
  local r = runner.find(opts.target)
  local models = split_models(opts.model)
  if #models == 0 then models = { false } end
  local axes, keys = {}, {}
  for _, g in ipairs(opts.grids or {}) do
    local axis = M.parse_axis(g)
    if r.params[axis.key] == nil then
      errors.usage("%s has no parameter '%s' to sweep (see 'tafrun show %s')", r.id, axis.key, r.id)
    end
    for _, k in ipairs(keys) do
      if k == axis.key then errors.usage("--grid %s is given twice: one axis per parameter", k) end
    end
    axes[#axes + 1] = axis
    keys[#keys + 1] = axis.key
  end
  if #axes == 0 then errors.usage("sweep needs at least one --grid KEY=SPEC") end
  local fixed = {}
  for _, kv in ipairs(opts.sets or {}) do
    for _, k in ipairs(keys) do
      if k == kv[1] then errors.usage("%s is both --set and swept with --grid: keep one", k) end
    end
    fixed[#fixed + 1] = params.typed(kv[1], kv[2])
  end

  local total = #models
  for _, a in ipairs(axes) do total = total * #a.values end
  if total > MAX_POINTS then errors.usage("the grid has %d points, more than %d", total, MAX_POINTS) end
  local first, last = 1, total
  if opts.shard then
    -- integers up to 10^9, so (I − 1)·points stays exact (points <= 10^8)
    local i, n = opts.shard:match("^(%d+)/(%d+)$")
    i, n = i and #i <= 10 and math.tointeger(tonumber(i)), n and #n <= 10 and math.tointeger(tonumber(n))
    if i and n and n > 1000000000 or not i and opts.shard:match("^%d+/%d+$") then
      errors.usage("--shard: at most 1000000000 shards, got '%s'", opts.shard)
    end
    if not i or not n or n < 1 or i < 1 or i > n then
      errors.usage("--shard expects I/N with 1 <= I <= N, got '%s'", opts.shard)
    end
    first, last = (i - 1) * total // n + 1, i * total // n
  end

  local out = opts.out or "-"
  if out == "" then errors.usage("--out needs a file name") end
  local kind = out ~= "-" and host.exists(out)
  if kind and kind ~= "file" then errors.usage("--out: %s is a %s, not a file", out, kind) end
  local fmt = opts.format
  if not opts.format_given or fmt == "text" then
    fmt = out:match("%.csv$") and "csv" or "jsonl"
  elseif fmt == "json" then
    fmt = "jsonl"
  end
  if fmt ~= "csv" and fmt ~= "jsonl" then errors.usage("sweep writes jsonl or csv, not %s", fmt) end
  if fmt == "csv" and opts.full then errors.usage("--full results need JSON Lines (--out FILE.jsonl)") end

  -- An axis value becomes a cell: its row text and { value = canonical,
  -- follow = { {name, value}, … } } or { error = message }. A parameter that
  -- defaults from a swept one (T_eval from T_train) follows it unless --set or
  -- another axis gives it.
  local given = {}
  for _, kv in ipairs(fixed) do given[kv[1]] = true end
  for _, k in ipairs(keys) do given[k] = true end
  local decl = params.ordered(r)
  local enc = taf.json.encode
  -- kept when the grid reuses the value (a product of axes, several models);
  -- a value used once is built when its point runs and not kept
  local cells, keep = {}, {}
  -- per axis: its JSON key prefix and the declarations that follow it
  local prefix, followers = {}, {}
  for a, axis in ipairs(axes) do
    prefix[a] = enc(axis.key) .. ":"
    followers[a] = {}
    for _, d in ipairs(decl) do
      if d.spec.default_from == axis.key and not given[d.name] then table.insert(followers[a], d) end
    end
  end
  local NONE = {}
  local mtype = math.type
  local function make_cell(a, i)
    local axis = axes[a]
    local key = axis.key
    local spec, raw = r.params[key], axis.values[i]
    local shown = raw
    if type(raw) ~= "number" then shown = params.unwrap(spec, raw, key) end
    -- an integer's JSON and CSV text is its decimal form (the encoder's too)
    local text
    if mtype(shown) == "integer" then
      text = fmt == "jsonl" and prefix[a] .. shown or tostring(shown)
    else
      text = fmt == "jsonl" and prefix[a] .. enc(shown) or csv_cell(shown)
    end
    local ok, v = params.checked(r.id, key, spec, raw)
    local cell
    if ok then
      cell = { text = text, follow = NONE, value = v }
      local fol = followers[a]
      for j = 1, #fol do
        local d = fol[j]
        local fv
        ok, fv = params.checked(r.id, d.name, d.spec, v)
        if not ok then cell.error = errors.text(fv) break end
        if cell.follow == NONE then cell.follow = {} end
        cell.follow[#cell.follow + 1] = { d.name, fv }
      end
    else
      cell = { text = text, follow = NONE, error = errors.text(v) }
    end
    if keep[a] then cells[a][i] = cell end
    return cell
  end
  -- an axis none of whose values the recipe accepts is a usage error, not a
  -- file of ERROR rows
  for a, axis in ipairs(axes) do
    local spec, first_error = r.params[axis.key], nil
    for i = 1, #axis.values do
      local ok, e = params.checked(r.id, axis.key, spec, axis.values[i])
      if ok then first_error = nil break end
      first_error = first_error or errors.text(e)
    end
    if first_error then errors.usage("--grid %s: no value is valid (%s)", axis.key, first_error) end
  end
  for a = 1, #axes do
    cells[a], keep[a] = {}, total > #axes[a].values
    -- a kept axis is built here, before the sweep: a table that grows while
    -- the sweep allocates is walked again by every young collection
    if keep[a] then for i = 1, #axes[a].values do make_cell(a, i) end end
  end
  local cur = {} -- the cells of the point being evaluated
  local model_json, model_csv = {}, {}
  for m, model in ipairs(models) do
    model_json[m] = model and ('{"model":' .. enc(model.short_id) .. ",") or "{"
    model_csv[m] = model and csv_cell(model.short_id) or ""
  end
  local verdict_json = setmetatable({}, { __index = function(t, v) t[v] = enc(v); return t[v] end })

  -- point index (1-based) → model index, and the value index of each axis in
  -- `at` (models outermost, the last axis fastest)
  local at = {}
  local function locate(idx)
    local rest = idx - 1
    for k = #axes, 1, -1 do
      local n = #axes[k].values
      at[k] = rest % n + 1
      rest = rest // n
    end
    return rest + 1
  end

  -- CSV has every column. A point that ran gets its row written by hand in
  -- evaluate; an ERROR row goes through the encoder in this order ("model"
  -- only when models were given, confidence null, no key).
  local ROW_ORDER = { "model" }
  for _, k in ipairs(keys) do ROW_ORDER[#ROW_ORDER + 1] = k end
  for _, k in ipairs { "verdict", "confidence", "key", "error" } do ROW_ORDER[#ROW_ORDER + 1] = k end
  local error_order = {}
  for _, k in ipairs(ROW_ORDER) do
    if not ((k == "model" and not models[1]) or k == "key") then error_order[#error_order + 1] = k end
  end
  local ERROR_META = { __jsonorder = error_order }

  -- a point that failed: the row through the generic encoder
  local function error_row(m, e)
    local model = models[m]
    local row = { model = model and model.short_id or nil, verdict = "ERROR",
                  error = errors.text(e) }
    for k, axis in ipairs(axes) do row[keys[k]] = params.unwrap(r.params[keys[k]], axis.values[at[k]], keys[k]) end
    setmetatable(row, ERROR_META)
    if fmt == "jsonl" then return enc(row) .. "\n" end
    local out = {}
    for i, k in ipairs(ROW_ORDER) do out[i] = csv_cell(row[k]) end
    return table.concat(out, ",") .. "\n"
  end

  -- the parameters of a point: its model's resolved base (the first point of
  -- each model resolves every parameter) with the swept values put in
  local checked_once, bases, base_keys = false, {}, {}
  local function point_params(m)
    for k = 1, #axes do
      local c = cells[k][at[k]] or make_cell(k, at[k])
      if c.error then errors.usage("%s", c.error) end
      cur[k] = c
    end
    local base = bases[m]
    if base == nil then
      local sets = {}
      for i, kv in ipairs(fixed) do sets[i] = kv end
      for k, axis in ipairs(axes) do sets[#sets + 1] = { keys[k], axis.values[at[k]] } end
      base = params.resolve(r, models[m] or nil, sets)
      local keys = {}
      for k in pairs(base) do keys[#keys + 1] = k end
      bases[m], base_keys[m] = base, keys
    end
    local p = host.clone(base, base_keys[m])
    for k = 1, #axes do
      local c = cur[k]
      p[keys[k]] = c.value
      local follow = c.follow
      for i = 1, #follow do p[follow[i][1]] = follow[i][2] end
    end
    return p
  end

  local function lean_point(m)
    local out, chain = runner.execute(r, point_params(m), checked_once, true)
    local key = out.key
    if key ~= nil then key = chainlib.prose(key, "%s key", r.id) end
    return out.verdict, chainlib.confidence_pct(chain), key
  end

  local function full_point(m)
    return runner.run(r, models[m] or nil, nil, checked_once, point_params(m))
  end

  local n_axes = #axes
  -- the row text of the point's axis values, "KEY":V,"KEY":V (several axes)
  local function axes_text()
    local t = {}
    for k = 1, n_axes do t[k] = cur[k].text end
    return table.concat(t, ",")
  end

  local function evaluate(idx)
    local m = locate(idx)
    if opts.full then
      local ok, res = pcall(full_point, m)
      checked_once = checked_once or ok
      if ok then return enc(res) .. "\n" end
      return error_row(m, res)
    end
    local ok, verdict, pct, key = pcall(lean_point, m)
    if not ok then return error_row(m, verdict) end
    checked_once = true
    if fmt == "jsonl" then
      local cells_text = n_axes == 1 and cur[1].text or axes_text()
      if key ~= nil then
        return model_json[m] .. cells_text .. ',"verdict":' .. verdict_json[verdict] .. ',"confidence":' .. pct
          .. ',"key":' .. enc(key) .. "}\n"
      end
      return model_json[m] .. cells_text .. ',"verdict":' .. verdict_json[verdict] .. ',"confidence":' .. pct .. "}\n"
    end
    local line = model_csv[m]
    for k = 1, #axes do line = line .. "," .. cur[k].text end
    return line .. "," .. csv_cell(verdict) .. "," .. pct .. "," .. csv_cell(key) .. ",\n"
  end

  local count = last - first + 1
  local jobs = opts.jobs and opts.jobs > 0 and opts.jobs or (out ~= "-" and host.nproc() or 1)
  if out == "-" then jobs = 1 end
  jobs = math.max(1, math.min(jobs, count))
  local progress = host.stderr_tty and count >= 1000
  local t0 = host.clock()

  local function run_block(writer, from, to, show)
    local buf, n, step = {}, 0, math.max(1, (to - from + 1) // 200)
    for idx = from, to do
      n = n + 1
      buf[#buf + 1] = evaluate(idx)
      if #buf >= 256 then writer:write(table.concat(buf)); buf = {} end
      if show and n % step == 0 then
        local frac = n / (to - from + 1)
        local bar = string.rep("#", math.floor(frac * 30))
        host.progress(string.format("sweep %s [%-30s] %3d%%  %d/%d points  %.0f/s", r.id, bar,
          math.floor(frac * 100), n * jobs, count, n / math.max(host.clock() - t0, 1e-9)))
      end
    end
    writer:write(table.concat(buf))
  end

  local writer, why = host.open_output(out)
  if not writer then errors.usage("--out: cannot write %s: %s", out, why) end
  if fmt == "csv" then
    local head = {}
    for i, k in ipairs(ROW_ORDER) do head[i] = k end
    writer:write(table.concat(head, ",") .. "\n")
  end
  local function part_path(j) return string.format("%s.partial.part%d", out, j) end
  for j = 1, jobs - 1 do host.on_failure_remove(part_path(j)) end
  local k = host.fork(jobs)
  local function block(j) return first + (j * count) // jobs, first + ((j + 1) * count) // jobs - 1 end
  if k > 0 then -- a worker: its block into its own part file, then exit
    local part = host.open_output(part_path(k), true)
    if not part then host.exit(1) end -- the parent reports a failed worker
    local ok, e = pcall(run_block, part, block(k))
    if ok then ok, e = pcall(part.commit, part) end
    host.exit(ok and 0 or 1)
  end
  local from, to = block(0)
  local ok, e = pcall(run_block, writer, from, to, progress)
  local children_ok = host.wait()
  if ok and children_ok then
    for j = 1, jobs - 1 do writer:append_file(part_path(j)) end
    writer:commit()
  else
    writer:abort()
    for j = 1, jobs - 1 do host.remove(part_path(j)) end
    if not ok then error(e, 0) end
    error("a sweep worker failed; no output written", 0)
  end
  if progress then host.progress("") end
  local secs = host.clock() - t0
  if out ~= "-" then
    return string.format("%d points of %s in %.2f s (%.0f/s, %d job%s) → %s\n", count, r.id, secs,
      count / math.max(secs, 1e-9), jobs, jobs == 1 and "" or "s", out)
  end
  return nil
end

M.synopsis = { "tafrun sweep RECIPE --model A,B --grid KEY=START..STOP[*FACTOR|+STEP] [--out FILE.jsonl|.csv]" }
M.about = "run a recipe over a grid; JSON Lines or CSV (--out FILE.jsonl|.csv)"
M.options = { "--model", "--set", "--grid", "--out", "--shard", "--jobs", "--full" }
M.needs_target = true

return M
