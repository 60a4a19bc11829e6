-- Models already on disk, found offline (SPEC §8, issue #17): `--model
-- ORG/NAME` from the local Hugging Face cache (config.json, and the exact
-- weight bytes from model.safetensors.index.json or the safetensors file
-- sizes; never the weights), `--model ollama:NAME[:TAG]` from Ollama's store
-- (manifest → GGUF blob, header only), and `--model DIR` for an LM Studio /
-- llama.cpp models folder holding one .gguf.
local host, use = ...
local errors = use "errors"
local readers = use "readers"

local M = {}

-- Where the Hugging Face cache may be, in the order huggingface_hub looks.
function M.hf_roots()
  local roots = {}
  local hub, hf_home, home = host.getenv("HF_HUB_CACHE"), host.getenv("HF_HOME"), host.getenv("HOME")
  if hub then roots[#roots + 1] = hub end
  if hf_home then roots[#roots + 1] = hf_home .. "/hub" end
  if home then roots[#roots + 1] = home .. "/.cache/huggingface/hub" end
  return roots
end

-- Ollama's model store ($OLLAMA_MODELS, else ~/.ollama/models).
function M.ollama_root()
  local home = host.getenv("HOME")
  return host.getenv("OLLAMA_MODELS") or (home and home .. "/.ollama/models")
end

local function trim(s) return (s:gsub("^%s+", ""):gsub("%s+$", "")) end

-- The repo folder of ORG/NAME in a hub cache, matched case-insensitively.
local function repo_dir(root, org, name)
  local want = ("models--" .. org .. "--" .. name):lower()
  for _, f in ipairs(host.dir(root) or {}) do
    if f:lower() == want and host.exists(root .. "/" .. f) == "directory" then return root .. "/" .. f end
  end
  return nil
end

-- The snapshot refs/main names (or the only one there is).
local function snapshot(repo)
  local ref = host.read_text(repo .. "/refs/main", 256)
  if ref then
    local dir = repo .. "/snapshots/" .. trim(ref)
    if host.exists(dir) == "directory" then return dir end
  end
  local snaps = host.dir(repo .. "/snapshots") or {}
  if #snaps == 1 then return repo .. "/snapshots/" .. snaps[1] end
  return nil
end

-- Exact weight bytes of a snapshot: the index's total_size, else the sizes
-- of its .safetensors files (their headers are a few KB of it).
local function weight_bytes(dir)
  local index = host.read_text(dir .. "/model.safetensors.index.json", 16 << 20)
  if index then
    local ok, j = pcall(taf.json.decode, index)
    local total = ok and type(j) == "table" and type(j.metadata) == "table" and tonumber(j.metadata.total_size)
    if total and total > 0 then return total, "model.safetensors.index.json total_size" end
  end
  local sum, n = 0, 0
  for _, f in ipairs(host.dir(dir) or {}) do
    if f:match("%.safetensors$") then
      sum, n = sum + (host.file_size(dir .. "/" .. f) or 0), n + 1
    end
  end
  if n > 0 and sum > 0 then return sum, string.format("the size of %d .safetensors file%s", n, n == 1 and "" or "s") end
  return nil
end

-- ORG/NAME from the HF cache: a model table, or nil and where it looked.
function M.hf(id)
  local org, name = id:match("^([%w%._%-]+)/([%w%._%-]+)$")
  if not org then return nil, {} end
  local looked = {}
  for _, root in ipairs(M.hf_roots()) do
    looked[#looked + 1] = root .. "/models--" .. org .. "--" .. name
    local repo = repo_dir(root, org, name)
    local snap = repo and snapshot(repo)
    if snap and host.exists(snap .. "/config.json") == "file" then
      local m = readers.config(snap .. "/config.json")
      local o, n = repo:match("models%-%-(.-)%-%-([^/]+)$") -- the repository's own spelling
      m.id = (o or org) .. "/" .. (n or name)
      m.source = "Hugging Face cache: " .. snap .. "/config.json"
      local bytes, how = weight_bytes(snap)
      if bytes and m.n_params and m.n_params > 0 then
        m.bytes_per_weight = bytes / m.n_params
        m.notes[#m.notes + 1] = string.format("bytes_per_weight = %.4g from %s (%.0f bytes)", m.bytes_per_weight, how, bytes)
      end
      return m
    end
  end
  return nil, looked
end

-- ollama:NAME[:TAG] (NAME may be USER/NAME): the GGUF blob's header.
function M.ollama(id)
  local ref = id:match("^ollama:(.+)$")
  if not ref then return nil, {} end
  local name, tag = ref:match("^([^:]+):([^:]+)$")
  name, tag = name or ref, tag or "latest"
  local root = M.ollama_root()
  if not root then return nil, { "$OLLAMA_MODELS or ~/.ollama/models (no HOME)" } end
  local ns = name:find("/", 1, true) and name or ("library/" .. name)
  local manifest = string.format("%s/manifests/registry.ollama.ai/%s/%s", root, ns, tag)
  local text = host.read_text(manifest, 1 << 20)
  if not text then return nil, { manifest } end
  local ok, j = pcall(taf.json.decode, text)
  if not ok or type(j) ~= "table" or type(j.layers) ~= "table" then
    errors.usage("%s: not an Ollama manifest (no layers)", manifest)
  end
  for _, layer in ipairs(j.layers) do
    if type(layer) == "table" and layer.mediaType == "application/vnd.ollama.image.model" and type(layer.digest) == "string" then
      local blob = root .. "/blobs/" .. layer.digest:gsub(":", "-")
      local m = readers.gguf(blob)
      m.id = name .. ":" .. tag
      m.source = "Ollama store: " .. blob .. " (" .. manifest .. ")"
      return m
    end
  end
  errors.usage("%s: the manifest names no model layer", manifest)
end

-- A models folder (LM Studio, llama.cpp): its one .gguf (the first part of a
-- split one), searched two levels down.
function M.folder(path)
  if host.exists(path) ~= "directory" then return nil, {} end
  local found = {}
  local function scan(dir, depth)
    for _, f in ipairs(host.dir(dir) or {}) do
      local p = dir .. "/" .. f
      if f:match("%.gguf$") and host.exists(p) == "file" then
        local part = f:match("%-(%d+)%-of%-%d+%.gguf$")
        if not part or tonumber(part) == 1 then found[#found + 1] = p end
      elseif depth < 2 and host.exists(p) == "directory" then
        scan(p, depth + 1)
      end
    end
  end
  scan(path, 0)
  if #found == 0 then return nil, { path .. " (no .gguf file)" } end
  if #found > 1 then
    errors.usage("%s holds %d models; name one with --gguf: %s", path, #found, table.concat(found, ", ", 1, math.min(#found, 5)))
  end
  return readers.gguf(found[1])
end

-- A model that is not a preset, from the disk: a model table, or nil and
-- every place looked (for the error message). The places a model on disk
-- may be read from join the paths scripts may read (host.allow_reads)
-- only here, when one is looked for.
function M.find(id)
  local roots = M.hf_roots()
  roots[#roots + 1] = M.ollama_root()
  if host.exists(id) == "directory" then roots[#roots + 1] = id end
  host.allow_reads(roots, true)
  local looked = {}
  for _, f in ipairs { M.ollama, M.folder, M.hf } do
    local m, where = f(id)
    if m then return m end
    for _, w in ipairs(where or {}) do looked[#looked + 1] = w end
  end
  return nil, looked
end

-- Every model found on disk, for `tafrun list models --local`: { {id, kind, path}, … }.
function M.list()
  local out = {}
  for _, root in ipairs(M.hf_roots()) do
    for _, f in ipairs(host.dir(root) or {}) do
      local org, name = f:match("^models%-%-(.-)%-%-(.+)$")
      if org then
        local snap = snapshot(root .. "/" .. f)
        if snap and host.exists(snap .. "/config.json") == "file" then
          out[#out + 1] = { id = org .. "/" .. name, kind = "hf-cache", path = snap }
        end
      end
    end
  end
  local root = M.ollama_root()
  local base = root and root .. "/manifests/registry.ollama.ai"
  for _, ns in ipairs(base and host.dir(base) or {}) do
    for _, model in ipairs(host.dir(base .. "/" .. ns) or {}) do
      for _, tag in ipairs(host.dir(base .. "/" .. ns .. "/" .. model) or {}) do
        local name = ns == "library" and model or (ns .. "/" .. model)
        out[#out + 1] = { id = "ollama:" .. name .. ":" .. tag, kind = "ollama",
                          path = base .. "/" .. ns .. "/" .. model .. "/" .. tag }
      end
    end
  end
  return out
end

return M
