return pack { name = "victim", version = "1.0.0", description = "holds a secret", requires = ">= 0.1" }
