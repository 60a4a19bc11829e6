return pack { name = "loadlib", version = "0.0.1", description = "hostile: loadlib / load / dofile", requires = ">= 0.1" }
