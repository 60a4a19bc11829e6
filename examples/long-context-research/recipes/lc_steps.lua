-- Shared by the pack's recipes: one (θ, T) point through the §26 chain.
local M = {}

function M.evaluate(theta, T, has_GQA, n_params)
  local g = taf.gamma_pade(theta, T)
  local d = taf.gamma_decompose(g, has_GQA, false, n_params)
  return taf.json.ordered({
    theta = theta, gamma_pade = g, gamma_corrected = d.gamma_corrected,
    d_horizon = taf.d_horizon(theta, d.gamma_corrected),
    D_f = taf.df_window(d.gamma_corrected, T, 0.9),
  }, { "alpha", "theta", "gamma_pade", "gamma_corrected", "d_horizon", "D_f" })
end

return M
