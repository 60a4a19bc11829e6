-- tafrun show RECIPE: the recipe's question, its parameters (type, range,
-- default, doc, the model field each is filled from) and its sections.
local host, use = ...
local runner = use "runner"
local params = use "params"
local columns = use("text").columns

local function show_default(spec)
  if spec.default ~= nil then return tostring(spec.default) end
  if spec.default_from then return "= " .. spec.default_from end
  if spec.optional then return "(optional)" end
  return "(required)"
end

return {
  synopsis = { "tafrun show RECIPE" },
  about = "the recipe's question, parameters (type, range, default) and sections",
  needs_target = true,
  run = function(o)
    local r = runner.find(o.target)
    local lines = {
      string.format("%s · %s", r.id, r.name),
      r.question,
      "",
    }
    if r.category then lines[#lines + 1] = "category: " .. r.category end
    if r.sections then lines[#lines + 1] = "sections: " .. table.concat(r.sections, ", ") end
    if r.verdicts then lines[#lines + 1] = "verdicts: " .. table.concat(r.verdicts, " | ") end
    lines[#lines + 1] = ""
    lines[#lines + 1] = "parameters (filled from --model by name, overridden by --set KEY=VALUE):"
    local rows = { { "  NAME", "TYPE / RANGE", "DEFAULT", "DOC" } }
    for _, d in ipairs(params.ordered(r)) do
      local doc = d.spec.doc or ""
      if d.spec.from then doc = doc .. " [model field " .. d.spec.from .. "]" end
      if d.spec.unit then doc = doc .. " (" .. d.spec.unit .. ")" end
      rows[#rows + 1] = { "  " .. d.name, params.describe(d.spec), show_default(d.spec), doc }
    end
    local text = table.concat(lines, "\n") .. "\n" .. columns(rows)
    if r.doc then text = text .. "\n" .. r.doc .. "\n" end
    return text
  end,
}
