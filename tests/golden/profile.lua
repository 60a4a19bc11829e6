-- taf.profile as recipes (X-11, X-12, X-18) call it. The fixtures are exact
-- power-law heads (tests/unit/attn_fixture.h): a[i, i−d] = c·d^−γ for d ≥ 1
-- with c = 0.5/Σ_{d<T} d^−γ and the rest on the diagonal, T = 48, so every
-- head's γ is the constructed one and its sink mass (K = 1) is
-- (1 + Σ_i c·i^−γ)/T = 1.5/48. pl_f32.npy: 2 layers × 2 heads, γ = 0.6 + 0.2·head + 0.1·layer.
local F = "tests/cli/fixtures/profile/"

test("taf.profile returns the model fit, the curve and every layer and head", function()
  local r = taf.profile(F .. "pl_f32.npy")
  expect_eq(r.n_points, 13)                  -- bins ⌊8·log2(d/8)⌋ over d = 8 … 24: 0 … 12
  expect_eq(r.fit_range[1], 8)
  expect_eq(r.fit_range[2], 24)              -- default T/2
  expect_eq(r.receipt, "reliable")
  expect_eq(r.phase, "A — deconfined (RoPE/long)")
  expect_near(r.sink_mass, 1.5 / 48, 1e-8)   -- float32 rounding of each c·i^−γ
  expect_eq(#r.curve, 47)                    -- d = 1 … T−1
  expect_eq(r.curve[1].d, 1)
  expect_eq(#r.layers, 2)
  expect_eq(r.layers[2].layer, 1)
  expect_eq(#r.layers[1].heads, 2)
  for l = 0, 1 do
    for h = 0, 1 do
      local head = r.layers[l + 1].heads[h + 1]
      expect_eq(head.head, h)
      expect_near(head.gamma, 0.6 + 0.2 * h + 0.1 * l, 1e-6)
      expect_eq(head.R2, 1.0)
      expect_near(head.sink_mass, 1.5 / 48, 1e-8)
      expect_eq(head.dissimilar, false)
    end
  end
  -- head γ 0.6 0.8 0.7 0.9: mean = median = 0.75, population sd = √0.0125
  expect_near(r.gamma_heads.mean, 0.75, 1e-6)
  expect_near(r.gamma_heads.median, 0.75, 1e-6)
  expect_near(r.gamma_heads.sd, math.sqrt(0.0125), 1e-6)
  expect_eq(r.receipt_counts.reliable, 4)
  expect_eq(#r.dissimilar_heads, 0)
  expect_eq(r.source.format, "npy v1.0")
  expect_eq(r.source.dtype, "float32")
  expect_eq(r.source.T, 48)
end)

test("options: sink tokens, fit range (either end may default), the SVG", function()
  local r = taf.profile(F .. "pl_bf16.safetensors", { sink_tokens = 3, fit_range = { 4 } })
  expect_eq(r.sink_tokens, 3)
  expect_eq(r.fit_range[1], 4)
  expect_eq(r.fit_range[2], 24)
  expect_near(r.gamma, 0.6, 0.011)           -- bfloat16: 3·2^-8/ln(24/4) ≈ 0.0065
  local r2, svg = taf.profile(F .. "pl_f32.npy", { fit_range = { 8, 40 }, svg = true })
  expect_eq(r2.fit_range[2], 40)
  expect(svg:find("^<%?xml") ~= nil, "an SVG document")
  expect(svg:find("</svg>\n$") ~= nil, "closed")
  expect(svg:find("γ = " .. string.format("%.4f", r2.gamma), 1, true) ~= nil, "γ in the legend")
end)

test("JSON keeps the documented key order", function()
  local j = taf.json.encode(taf.profile(F .. "pl_bf16.safetensors"))
  local order = { "gamma", "log_A", "R2", "n_points", "fit_range", "sink_mass", "phase", "receipt", "curve",
                  "layers", "sink_tokens", "fit_method", "gamma_heads", "receipt_counts", "dissimilar_heads",
                  "receipt_note", "source" }
  local last = 0
  for _, k in ipairs(order) do
    local at = j:find('"' .. k .. '":', last + 1, true)   -- nested layers repeat some keys: search onwards
    expect(at ~= nil and at > last, "key " .. k .. " in order")
    last = at or last
  end
end)

test("bad files and options are usage errors naming the file", function()
  expect_error(function() taf.profile(F .. "nope.npy") end, "nope.npy: cannot open", "usage")
  expect_error(function() taf.profile(F .. "not_square.npy") end, "not_square.npy: shape mismatch", "usage")
  expect_error(function() taf.profile(F .. "not_normalised.npy", { fit_range = { 4, 20 } }) end,
               "row 20 sums to 0.9", "usage")
  expect_error(function() taf.profile(F .. "pl_f32.npy", { sink_tokens = 0 }) end,
               "sink_tokens must be in %[1,", "usage")
  expect_error(function() taf.profile(F .. "pl_f32.npy", { sink_tokens = 1.5 }) end,
               "sink_tokens must be an integer", "usage")
  expect_error(function() taf.profile(F .. "pl_f32.npy", { fit_range = 8 }) end, "fit_range must be {d1, d2}", "usage")
  expect_error(function() taf.profile(F .. "pl_f32.npy", { fit_range = { 8, 100 } }) end,
               "reaches past the longest distance T%-1 = 47", "usage")
  expect_error(function() taf.profile(F .. "pl_f32.npy", 5) end, "table expected")
end)
