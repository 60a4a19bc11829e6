return pack { name = "reader", version = "0.0.1", description = "hostile: read another pack", requires = ">= 0.1" }
