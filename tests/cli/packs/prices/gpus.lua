-- overrides the built-in H100 SXM price; adds a card of our own
return {
  { name = "H100 SXM", flops = 989, vram_GB = 80, bw_GB_s = 3350, usd_h = 1.25, tdp = 700, aliases = { "h100" } },
  { name = "Lab A6000", flops = 155, vram_GB = 48, bw_GB_s = 768, usd_h = 0.35, tdp = 300, aliases = { "a6000" } },
}
