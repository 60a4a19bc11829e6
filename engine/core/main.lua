-- The engine's entry. The host (engine/cli.c) calls this chunk once, with its
-- services and the command line, and writes what it returns: the output (a
-- string, or a result table rendered in `format`), the exit status, the format.
-- Engine modules are loaded by `use`, from the bytecode built into the binary
-- (tools/taf_embed.c); each receives `host` and `use` as its chunk arguments
-- (as nmap's nse_main.lua receives its C side), so no recipe can name or reach them.
local host, argv = ...

local modules, loading = {}, {}
local function use(name)
  local m = modules[name]
  if m ~= nil then return m end
  if loading[name] then error("internal error: engine modules '" .. name .. "' require each other", 2) end
  loading[name] = true
  m = host.engine_chunk(name)(host, use)
  loading[name] = nil
  if m == nil then m = true end
  modules[name] = m
  return m
end

local args = use "args"
local o = args.parse(argv)
if o.output then return o.output, 0 end -- --help, --version

host.configure { trust = o.trust, max_steps = o.max_steps, max_mem_mib = o.max_mem_mib, verbose = o.verbose,
                 print_to_stdout = o.command == "eval" or o.command == "test" }
use("api").install()
use("runner").verbose = o.verbose
local packs = use "packs"
for _, d in ipairs(o.packs) do packs.add(d) end

-- Untrusted scripts read model files only below the recipe and pack trees and
-- the paths named on the command line (SPEC §10); -e chunks are the user's own.
if not o.trust and o.command ~= "eval" then
  local roots = { host.datadir, o.config, o.gguf }
  for _, d in ipairs(o.packs) do roots[#roots + 1] = d end
  if o.command == "test" or o.command == "profile" then roots[#roots + 1] = o.target end
  for _, kv in ipairs(o.sets) do roots[#roots + 1] = kv[2] end -- --set attention=FILE (X-11, X-12, X-18)
  local data = host.getenv("XDG_DATA_HOME") or (host.getenv("HOME") and host.getenv("HOME") .. "/.local/share")
  if data then roots[#roots + 1] = data .. "/tafrun/packs" end
  for entry in (host.getenv("TAFRUN_PATH") or ""):gmatch("[^:]+") do roots[#roots + 1] = entry end
  local list = {}
  for _, r in pairs(roots) do if type(r) == "string" then list[#list + 1] = r end end
  host.allow_reads(list)
end

local out, status = args.command(o.command).run(o)
return out, status or 0, o.format
