-- GPU catalog: dense bf16 TFLOP/s, HBM GB, HBM GB/s, spot USD per GPU-hour, board power W.
-- Numbers: the seed formulas module's GPU_CATALOG (vendor data sheets, 2026 spot prices).
-- usd_h = 0 marks a local card with no hourly price: costs are not defined for it.
return {
  { name = "H100 SXM",   flops = 989,  vram_GB = 80,  bw_GB_s = 3350, usd_h = 2.5, tdp = 700,
    aliases = { "h100", "h100-sxm", "h100sxm", "h100-80gb" } },
  { name = "H100 PCIe",  flops = 756,  vram_GB = 80,  bw_GB_s = 2000, usd_h = 2.0, tdp = 350,
    aliases = { "h100-pcie", "h100pcie" } },
  { name = "H200",       flops = 989,  vram_GB = 141, bw_GB_s = 4800, usd_h = 3.5, tdp = 700,
    aliases = { "h200-sxm" } },
  { name = "B200",       flops = 2250, vram_GB = 192, bw_GB_s = 8000, usd_h = 5.0, tdp = 1000,
    aliases = {} },
  { name = "A100 80GB",  flops = 312,  vram_GB = 80,  bw_GB_s = 2000, usd_h = 1.2, tdp = 400,
    aliases = { "a100", "a100-80gb", "a100-80" } },
  { name = "A100 40GB",  flops = 312,  vram_GB = 40,  bw_GB_s = 1555, usd_h = 1.0, tdp = 400,
    aliases = { "a100-40gb", "a100-40" } },
  { name = "L40S",       flops = 362,  vram_GB = 48,  bw_GB_s = 864,  usd_h = 0.7, tdp = 350,
    aliases = { "l40s-48gb" } },
  { name = "MI300X",     flops = 1307, vram_GB = 192, bw_GB_s = 5300, usd_h = 2.1, tdp = 750,
    aliases = { "mi300", "amd-mi300x" } },
  { name = "RTX 4090",   flops = 165,  vram_GB = 24,  bw_GB_s = 1008, usd_h = 0.4, tdp = 450,
    aliases = { "4090", "rtx4090" } },
  { name = "RTX 5090",   flops = 419,  vram_GB = 32,  bw_GB_s = 1792, usd_h = 0.7, tdp = 575,
    aliases = { "5090", "rtx5090" } },
  { name = "RTX 5060Ti", flops = 36,   vram_GB = 16,  bw_GB_s = 448,  usd_h = 0.0, tdp = 180,
    aliases = { "5060ti", "rtx5060ti", "rtx-5060-ti" } },
}
