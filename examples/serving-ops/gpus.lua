-- In-house prices (reserved capacity, USD per GPU-hour): these override the
-- catalog's spot prices for H100 SXM and A100 80GB; the L4 is added.
-- L4 figures: NVIDIA L4 data sheet (121 dense FP16/BF16 TFLOP/s, 24 GB GDDR6, 300 GB/s, 72 W).
return {
  { name = "H100 SXM", flops = 989, vram_GB = 80, bw_GB_s = 3350, usd_h = 1.85, tdp = 700,
    aliases = { "h100", "h100-sxm" } },
  { name = "A100 80GB", flops = 312, vram_GB = 80, bw_GB_s = 2000, usd_h = 0.95, tdp = 400,
    aliases = { "a100", "a100-80gb" } },
  { name = "L4", flops = 121, vram_GB = 24, bw_GB_s = 300, usd_h = 0.45, tdp = 72, aliases = { "nvidia-l4" } },
}
