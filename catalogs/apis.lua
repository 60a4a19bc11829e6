-- API prices, USD per million tokens (input / output), from the seed formulas
-- module's API_PRICING (list prices of each provider, 2026).
return {
  { name = "GPT-4o",                   input = 2.5,  output = 10.0, aliases = { "gpt4o" } },
  { name = "GPT-4o-mini",              input = 0.15, output = 0.60, aliases = { "gpt4o-mini" } },
  { name = "Claude-Opus-4",            input = 15.0, output = 75.0, aliases = { "opus-4", "claude-opus" } },
  { name = "Claude-Sonnet-4",          input = 3.0,  output = 15.0, aliases = { "sonnet-4", "claude-sonnet" } },
  { name = "Claude-Haiku-4",           input = 0.80, output = 4.0,  aliases = { "haiku-4", "claude-haiku" } },
  { name = "Gemini-1.5-Pro",           input = 1.25, output = 5.0,  aliases = { "gemini-pro" } },
  { name = "DeepSeek-V3",              input = 0.27, output = 1.10, aliases = { "deepseek" } },
  { name = "Llama-3.3-70B (Together)", input = 0.88, output = 0.88, aliases = { "llama-3.3-70b-together", "together-llama-70b" } },
}
