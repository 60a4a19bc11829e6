return {
  { name = "Fine GPU", flops = 100, vram_GB = 24, bw_GB_s = 1000, usd_h = 1, tdp = 300 },
  { name = "Infinite GPU", flops = 100, vram_GB = math.huge, bw_GB_s = 1000, usd_h = 1, tdp = 300 },
}
