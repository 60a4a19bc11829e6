return pack { name = "metatables", version = "0.0.1", description = "hostile: metatable tricks on shared tables", requires = ">= 0.1" }
