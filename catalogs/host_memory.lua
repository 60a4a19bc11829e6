-- Host-memory bandwidth presets, for offloading weights or KV cache to system RAM
-- (llama.cpp -ngl, CPU offload): the theoretical peak of the memory bus.
--
--   GB/s = channels x 8 bytes (a 64-bit DDR4 channel; a DDR5 DIMM channel is two
--          32-bit subchannels, 64 bits in all) x MT/s / 1000
--
-- JEDEC JESD79-4 (DDR4) and JESD79-5 (DDR5) define the 64-bit channel; the channel
-- counts and speeds are the platforms' published maxima (source per entry).
-- Sustained bandwidth (STREAM triad) is typically 70-90% of these peaks; a desktop
-- with two DIMMs per channel may have to run below the rated speed.
-- Fields: name, bw_GB_s, kind, channels, MT_s, aliases, source.
-- Read by the engine like gpus.lua (packs may add or override entries):
-- taf.host_memory(name), `tafrun list memory`, and X-15's --set host_memory=ID,
-- which sets the host RAM bandwidth its offload plans read layers at.
local JEDEC = "channels x 64 bits x MT/s (JEDEC JESD79-4 / JESD79-5)"

return {
  { name = "DDR4-2666 dual channel", bw_GB_s = 42.7, kind = "DDR4", channels = 2, MT_s = 2666,
    aliases = { "ddr4-2666-2ch" },
    source = JEDEC .. "; desktop platforms with two DDR4 channels (e.g. Intel Core 8th-10th gen: DDR4-2666 rated)" },
  { name = "DDR4-3200 dual channel", bw_GB_s = 51.2, kind = "DDR4", channels = 2, MT_s = 3200,
    aliases = { "ddr4-3200-2ch", "ddr4" },
    source = JEDEC .. "; AMD Ryzen 5000 desktop: 2 channels, DDR4-3200 (https://www.amd.com/en/products/processors/desktops/ryzen/5000-series/amd-ryzen-9-5950x.html)" },
  { name = "DDR4-3200 quad channel", bw_GB_s = 102.4, kind = "DDR4", channels = 4, MT_s = 3200,
    aliases = { "ddr4-3200-4ch" },
    source = JEDEC .. "; AMD Ryzen Threadripper 3000: 4 channels, DDR4-3200 (https://www.amd.com/en/products/processors/workstations/ryzen-threadripper.html)" },
  { name = "DDR4-3200 8-channel", bw_GB_s = 204.8, kind = "DDR4", channels = 8, MT_s = 3200,
    aliases = { "ddr4-3200-8ch", "epyc-7003", "epyc-milan" },
    source = JEDEC .. "; AMD EPYC 7003 (Milan): 8 channels, DDR4-3200 per socket (https://www.amd.com/en/products/processors/server/epyc/7003-series.html)" },
  { name = "DDR5-4800 dual channel", bw_GB_s = 76.8, kind = "DDR5", channels = 2, MT_s = 4800,
    aliases = { "ddr5-4800-2ch" },
    source = JEDEC .. "; Intel Core 12th gen desktop: 2 channels, DDR5-4800 rated (https://ark.intel.com)" },
  { name = "DDR5-5600 dual channel", bw_GB_s = 89.6, kind = "DDR5", channels = 2, MT_s = 5600,
    aliases = { "ddr5-5600-2ch", "ddr5" },
    source = JEDEC .. "; Intel Core 14th gen desktop: 2 channels, DDR5-5600 rated (https://ark.intel.com)" },
  { name = "DDR5-6000 dual channel", bw_GB_s = 96.0, kind = "DDR5", channels = 2, MT_s = 6000,
    aliases = { "ddr5-6000-2ch" },
    source = JEDEC .. "; AMD Ryzen 7000/9000 desktop: 2 channels, DDR5-6000 the EXPO speed AMD recommends (rated DDR5-5200/5600)" },
  { name = "DDR5-6400 dual channel", bw_GB_s = 102.4, kind = "DDR5", channels = 2, MT_s = 6400,
    aliases = { "ddr5-6400-2ch" },
    source = JEDEC .. "; Intel Core Ultra 200S desktop: 2 channels, DDR5-6400 rated (https://ark.intel.com)" },
  { name = "LPDDR5X-8000 256-bit", bw_GB_s = 256.0, kind = "LPDDR5X", channels = 4, MT_s = 8000,
    aliases = { "strix-halo", "ryzen-ai-max", "lpddr5x-8000-256bit" },
    source = "256 bits x 8000 MT/s (channels = four 64-bit equivalents); AMD Ryzen AI Max+ 395: 256-bit LPDDR5X-8000, up to 128 GB unified (https://www.amd.com/en/products/processors/laptop/ryzen/ai-300-series/amd-ryzen-ai-max-plus-395.html)" },
  { name = "DDR5-5200 quad channel", bw_GB_s = 166.4, kind = "DDR5", channels = 4, MT_s = 5200,
    aliases = { "ddr5-5200-4ch", "threadripper-7000" },
    source = JEDEC .. "; AMD Ryzen Threadripper 7000 (TRX50): 4 channels, DDR5-5200 (https://www.amd.com/en/products/processors/workstations/ryzen-threadripper.html)" },
  { name = "DDR5-5200 8-channel", bw_GB_s = 332.8, kind = "DDR5", channels = 8, MT_s = 5200,
    aliases = { "ddr5-5200-8ch", "threadripper-pro-7000" },
    source = JEDEC .. "; AMD Ryzen Threadripper PRO 7000 WX (WRX90): 8 channels, DDR5-5200 (https://www.amd.com/en/products/processors/workstations/ryzen-threadripper.html)" },
  { name = "DDR5-4800 8-channel", bw_GB_s = 307.2, kind = "DDR5", channels = 8, MT_s = 4800,
    aliases = { "ddr5-4800-8ch", "xeon-sapphire-rapids" },
    source = JEDEC .. "; 4th gen Intel Xeon Scalable (Sapphire Rapids): 8 channels, DDR5-4800 per socket (https://ark.intel.com)" },
  { name = "DDR5-5600 8-channel", bw_GB_s = 358.4, kind = "DDR5", channels = 8, MT_s = 5600,
    aliases = { "ddr5-5600-8ch", "xeon-emerald-rapids" },
    source = JEDEC .. "; 5th gen Intel Xeon Scalable (Emerald Rapids): 8 channels, DDR5-5600 per socket (https://ark.intel.com)" },
  { name = "DDR5-4800 12-channel", bw_GB_s = 460.8, kind = "DDR5", channels = 12, MT_s = 4800,
    aliases = { "ddr5-4800-12ch", "epyc-9004", "epyc-genoa" },
    source = JEDEC .. "; AMD EPYC 9004 (Genoa): 12 channels, DDR5-4800 per socket (https://www.amd.com/en/products/processors/server/epyc/4th-generation-9004-and-8004-series.html)" },
  { name = "DDR5-6000 12-channel", bw_GB_s = 576.0, kind = "DDR5", channels = 12, MT_s = 6000,
    aliases = { "ddr5-6000-12ch", "epyc-9005", "epyc-turin" },
    source = JEDEC .. "; AMD EPYC 9005 (Turin): 12 channels, DDR5-6000 per socket (https://www.amd.com/en/products/processors/server/epyc/9005-series.html)" },
  { name = "DDR5-6400 12-channel", bw_GB_s = 614.4, kind = "DDR5", channels = 12, MT_s = 6400,
    aliases = { "ddr5-6400-12ch", "xeon-6900p" },
    source = JEDEC .. "; Intel Xeon 6900P (Granite Rapids-AP): 12 channels, DDR5-6400 per socket (https://ark.intel.com)" },
  { name = "MRDIMM-8800 12-channel", bw_GB_s = 844.8, kind = "DDR5 MRDIMM", channels = 12, MT_s = 8800,
    aliases = { "mrdimm-8800-12ch", "xeon-6900p-mrdimm" },
    source = JEDEC .. "; Intel Xeon 6900P with MRDIMMs: 12 channels at 8800 MT/s per socket (https://ark.intel.com)" },
}
