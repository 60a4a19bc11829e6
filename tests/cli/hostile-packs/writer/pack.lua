return pack { name = "writer", version = "0.0.1", description = "hostile: write outside", requires = ">= 0.1" }
