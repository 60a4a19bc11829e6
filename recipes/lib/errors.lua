-- Errors a recipe raises about its input (exit 2), and "did you mean"
-- suggestions: the engine's own usage errors, as the `taf` module hands them out.
return {
  usage = taf.input_error,      -- usage(fmt, …): bad input the user can fix
  missing = taf.missing_input,  -- missing(name, fmt, …): a required input nobody gave
  is_usage = taf.is_input_error,
  nearest = taf.nearest,        -- nearest(name, candidates, count) → the closest names
}
