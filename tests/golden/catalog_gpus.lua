-- The GPU catalog (catalogs/gpus.lua): size, the names people type, and the
-- citation fields every entry carries.
local function gpus() return taf.gpus() end

test("at least 40 GPUs and accelerators", function()
  expect(#gpus() >= 40, "only " .. #gpus() .. " entries")
end)

test("the short names people type resolve", function()
  local want = {
    rtx3060 = "RTX 3060", rtx3090 = "RTX 3090", rtx4060ti = "RTX 4060 Ti 16GB", rtx4080 = "RTX 4080",
    rtx4090 = "RTX 4090", rtx5080 = "RTX 5080", rtx5090 = "RTX 5090", ["rtx-a6000"] = "RTX A6000",
    ["rtx-6000-ada"] = "RTX 6000 Ada", ["rtx-pro-6000"] = "RTX PRO 6000", t4 = "T4", l4 = "L4",
    a10g = "A10G", v100 = "V100 16GB", a100 = "A100 80GB", ["a100-40gb"] = "A100 40GB",
    ["h100-pcie"] = "H100 PCIe", h100 = "H100 SXM", h200 = "H200", h20 = "H20", b200 = "B200",
    gb200 = "GB200", b300 = "B300", mi250x = "MI250X", mi300x = "MI300X", mi325x = "MI325X",
    mi355x = "MI355X", ["7900xtx"] = "RX 7900 XTX", gaudi3 = "Gaudi 3", ["m1-max"] = "M1 Max",
    ["m2-ultra"] = "M2 Ultra", ["m3-max"] = "M3 Max", ["m3-ultra"] = "M3 Ultra", ["m4-max"] = "M4 Max",
    ["m4-pro"] = "M4 Pro",
  }
  for alias, name in pairs(want) do
    local ok, g = pcall(taf.gpu, alias)
    expect(ok and g.name == name, string.format("'%s' should name %s", alias, name))
  end
end)

test("every entry cites its figures and its price", function()
  for _, g in ipairs(gpus()) do
    if g.origin == "built-in" then
      local n = g.name
      expect(type(g.source) == "string" and #g.source > 20, n .. ": no source")
      expect(type(g.interconnect) == "string", n .. ": no interconnect")
      expect(type(g.price_date) == "string", n .. ": no price_date")
      expect(type(g.price_source) == "string", n .. ": no price_source")
      if g.usd_h == 0 then
        expect(g.price_source:match("^no "), n .. ": usd_h = 0 needs a price_source saying there is no price")
      else
        expect(not g.price_source:match("^no "), n .. ": priced, yet price_source says no price")
      end
    end
  end
end)

test("low-precision rates are at least the BF16 rate", function()
  for _, g in ipairs(gpus()) do
    if g.fp8_tflops then expect(g.fp8_tflops >= g.flops, g.name .. ": fp8 below bf16") end
    if g.fp4_tflops then expect(g.fp4_tflops >= (g.fp8_tflops or g.flops), g.name .. ": fp4 below fp8") end
  end
end)

test("Apple Silicon entries say the memory is unified and how much the GPU may wire", function()
  local n = 0
  for _, g in ipairs(gpus()) do
    if g.unified_memory then
      n = n + 1
      expect(type(g.gpu_wired_share) == "number" and g.gpu_wired_share > 0 and g.gpu_wired_share <= 1,
        g.name .. ": gpu_wired_share")
    end
  end
  expect(n >= 11, "only " .. n .. " unified-memory entries")
end)

test("the seed's eleven entries keep their numbers", function()
  local seed = {
    { "H100 SXM", 989, 80, 3350, 2.5, 700 }, { "H100 PCIe", 756, 80, 2000, 2.0, 350 },
    { "H200", 989, 141, 4800, 3.5, 700 }, { "B200", 2250, 192, 8000, 5.0, 1000 },
    { "A100 80GB", 312, 80, 2000, 1.2, 400 }, { "A100 40GB", 312, 40, 1555, 1.0, 400 },
    { "L40S", 362, 48, 864, 0.7, 350 }, { "MI300X", 1307, 192, 5300, 2.1, 750 },
    { "RTX 4090", 165, 24, 1008, 0.4, 450 }, { "RTX 5090", 419, 32, 1792, 0.7, 575 },
    { "RTX 5060Ti", 36, 16, 448, 0.0, 180 },
  }
  for _, s in ipairs(seed) do
    local g = taf.gpu(s[1])
    expect_eq(g.flops, s[2], s[1] .. " flops"); expect_eq(g.vram_GB, s[3], s[1] .. " vram_GB")
    expect_eq(g.bw_GB_s, s[4], s[1] .. " bw_GB_s"); expect_eq(g.usd_h, s[5], s[1] .. " usd_h")
    expect_eq(g.tdp, s[6], s[1] .. " tdp")
  end
end)
