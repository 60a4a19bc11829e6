-- Model tables from files (SPEC §8): --config PATH (a config.json or its
-- folder) and --gguf PATH. A file that cannot be read or parsed is a usage
-- error (exit 2) whose message starts with the path and says what is wrong.
local host, use = ...
local errors = use "errors"
local catalog = use "catalog"

local M = {}

local function read(reader, path)
  local ok, model = pcall(reader, path)
  if not ok then errors.usage("%s", tostring(model)) end
  return model
end

function M.config(path) return read(taf.read_config, path) end
function M.gguf(path) return read(taf.read_gguf, path) end

-- The model named by the options: --model ID, --config PATH or --gguf PATH (or nil).
function M.from_options(opts)
  if opts.model then return catalog.model(opts.model) end
  if opts.config then return M.config(opts.config) end
  if opts.gguf then return M.gguf(opts.gguf) end
  return nil
end

return M
