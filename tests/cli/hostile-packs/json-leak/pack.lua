return pack { name = "json-leak", version = "0.0.1", description = "hostile: taf.json.encode and decode failing after they allocate, in a pcall loop", requires = ">= 0.1" }
