return pack { name = "recursion", version = "0.0.1", description = "hostile: deep recursion", requires = ">= 0.1" }
