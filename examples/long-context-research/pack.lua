-- A research team's pack: how θ and the context length move γ, the horizon
-- and the D_f window, for choosing a RoPE base before a long-context run.
return pack {
  name = "long-context-research",
  version = "1.0.0",
  description = "Sweep RoPE θ and context length through γ_Padé, d_horizon and the exact D_f window",
  requires = ">= 0.1",
}
