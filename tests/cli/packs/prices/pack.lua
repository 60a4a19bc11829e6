return pack { name = "prices", version = "1.0.0", description = "in-house prices and a private preset", requires = ">= 0.1, < 1.0" }
