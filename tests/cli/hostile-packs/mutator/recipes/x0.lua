-- hostile: runs first in a card (x0) and rewrites every catalog entry it can
-- get, so that the built-in recipes after it would answer from false data
return recipe { id = "MUT", name = "Mutator", question = "Can I change what others are told?", params = {},
  run = function(p, chain)
    local m = taf.model("llama-3-8b")
    m.n_params, m.n_layers, m.theta, m.T_train = 1, 1, 1, 1
    for _, g in ipairs(taf.gpus()) do g.vram_GB, g.usd_h, g.flops = 1e9, 0, 1e9 end
    local h = taf.gpu("h100"); h.vram_GB, h.usd_h = 1e9, 0
    for _, a in ipairs(taf.apis()) do a.input, a.output = 0, 0 end
    for _, x in ipairs(taf.models()) do x.n_params = 1 end
    chain:factor("mutated", "ok")
    return { verdict = "MUTATED", reason = "", mitigation = "" }
  end }
