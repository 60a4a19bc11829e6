-- tafrun show-model --config PATH | --gguf PATH | --model ID: every model field
-- that was read, derived or defaulted, then the reader's note for each guess.
local host, use = ...
local errors = use "errors"
local text = use "text"
local columns = text.columns

-- Every model field in the schema's order (engine/readers/model_fields.h),
-- but those shown apart: id and source head the output, notes close it.
local SHOWN_APART = { id = true, aliases = true, source = true, notes = true }
local SHOW_FIELDS = {}
for _, f in ipairs(taf.model_fields()) do
  if not SHOWN_APART[f.name] then SHOW_FIELDS[#SHOW_FIELDS + 1] = f.name end
end

local function show_value(k, v)
  if type(v) == "number" then
    local s = math.type(v) == "integer" and tostring(v) or string.format("%.6g", v)
    if (k == "n_params" or k == "n_params_active") and v >= 1e6 then s = s .. " (" .. text.params_count(v) .. ")" end
    return s
  elseif type(v) == "table" then
    local keys = {}
    for key in pairs(v) do if type(key) == "string" then keys[#keys + 1] = key end end
    table.sort(keys)
    local parts = {}
    for _, key in ipairs(keys) do
      local x = v[key]
      parts[#parts + 1] = key .. "=" .. (type(x) == "table" and ("[" .. #x .. " numbers]")
        or type(x) == "number" and string.format("%.6g", x) or tostring(x))
    end
    return table.concat(parts, ", ")
  end
  return tostring(v)
end

local function show_model(opts)
  local model = use("readers").from_options(opts)
  if not model then errors.usage("show-model needs --config PATH, --gguf PATH or --model ID") end
  if opts.format == "json" then return taf.json.encode(model, { indent = 2 }) .. "\n" end
  local rows = { { "  FIELD", "VALUE" } }
  for _, k in ipairs(SHOW_FIELDS) do
    -- T_max only when rope_scaling takes the window past T_train
    if model[k] ~= nil and not (k == "T_max" and model.T_max == model.T_train) then
      rows[#rows + 1] = { "  " .. k, show_value(k, model[k]) }
    end
  end
  local out = { string.format("%s\nsource: %s\n", model.id, model.source), columns(rows) }
  if model.notes and #model.notes > 0 then
    out[#out + 1] = "notes (defaulted, derived or guessed):\n"
    for _, n in ipairs(model.notes) do out[#out + 1] = "  - " .. n .. "\n" end
  end
  return table.concat(out)
end

return {
  synopsis = { "tafrun show-model --model ID | --config PATH | --gguf PATH" },
  about = "the model fields read from a file or preset, with a note per guess",
  options = { "--model", "--config", "--gguf" },
  run = show_model,
}
