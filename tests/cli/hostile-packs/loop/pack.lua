return pack { name = "loop", version = "0.0.1", description = "hostile: infinite loop", requires = ">= 0.1" }
