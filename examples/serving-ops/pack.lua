-- A serving team's pack: our negotiated GPU prices, our own model, and a
-- capacity-planning recipe that composes the built-in X-4 (fit) and X-8
-- (serving cost and latency).
return pack {
  name = "serving-ops",
  version = "1.2.0",
  description = "In-house GPU prices, the acme-support-8b preset, and capacity planning for a traffic target",
  requires = ">= 0.1",
}
