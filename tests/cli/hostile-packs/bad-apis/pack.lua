return pack { name = "hostile-bad-apis", version = "1.0.0", description = "API prices below zero", requires = ">= 0.1" }
