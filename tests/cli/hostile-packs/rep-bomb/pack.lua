return pack { name = "rep-bomb", version = "0.0.1", description = "hostile: string.rep memory bomb", requires = ">= 0.1" }
