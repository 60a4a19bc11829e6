return pack { name = "shell", version = "0.0.1", description = "hostile: shell escape", requires = ">= 0.1" }
